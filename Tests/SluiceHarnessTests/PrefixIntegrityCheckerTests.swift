import SluiceCore
import SluiceOrders
import Testing
@testable import SluiceHarness

@Suite struct PrefixIntegrityCheckerTests {
    @Test(arguments: ExactlyOnceCheckerTests.fixtures.indices)
    func aCorrectRunIsValid(index: Int) {
        let fixture = ExactlyOnceCheckerTests.fixtures[index].fixture
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(fixture.events()))
        #expect(outcome.verdict == .valid, "\(ExactlyOnceCheckerTests.fixtures[index].name): \(outcome.detail)")
        #expect(outcome.batch == BatchID(fixture.batchCount - 1))
        #expect(outcome.detail.hasPrefix("after each of \(fixture.batchCount) sink writes of committed batches"))
    }

    @Test func catchesAPlantedDuplicateInTheBatchItHappened() {
        let fixture = CheckFixture()
        let buys = CheckFixture.count(buy: true, in: fixture.rows(throughBatch: 1))
        let events = CheckFixture.planting(in: 1, fixture.events()) { CheckFixture.adding(9, toBuy: true, in: $0) }
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(1))
        #expect(outcome.discrepancy?.description == "batch 1, key (buy=true): expected \(buys), found \(buys + 9) (counted twice?)")
        #expect(outcome.counts?.duplicated == 9)
        #expect(outcome.detail.contains("expected count-buys over orderId 1..200, the input its offsets cover"))
        #expect(outcome.detail.contains("the sink matches the input of no batch"))
    }

    @Test func catchesAPlantedLossInTheBatchItHappened() {
        let fixture = CheckFixture(source: .producers)
        let sells = CheckFixture.count(buy: false, in: fixture.rows(throughBatch: 2))
        let events = CheckFixture.planting(in: 2, fixture.events()) { CheckFixture.adding(-4, toBuy: false, in: $0) }
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.discrepancy?.description == "batch 2, key (buy=false): expected \(sells), found \(sells - 4) (lost?)")
        #expect(outcome.counts?.lost == 4)
        #expect(outcome.detail.contains("orderId 1..150, 201..350"))
    }

    @Test func catchesAPlantedOutOfPrefixState() {
        let fixture = CheckFixture()
        let ahead = fixture.rows(throughBatch: 2)
        let events = CheckFixture.planting(in: 1, fixture.events()) { _ in ahead }
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(1))
        let expectedSells = CheckFixture.count(buy: false, in: fixture.rows(throughBatch: 1))
        #expect(outcome.discrepancy?.description == "batch 1, key (buy=false): expected \(expectedSells), found \(CheckFixture.count(buy: false, in: ahead)) (counted twice?)")
        #expect(outcome.detail.contains("the sink matches the input through batch 2 instead"))
        #expect(ExactlyOnceChecker().check(CheckFixture.run(events)).verdict == .valid, "the last batch's rows are right")
    }

    @Test func catchesAStateMissingAFileInTheMiddle() {
        let fixture = CheckFixture(query: .windowedCounts)
        let holed = fixture.orders.filter { fixture.covers($0.orderId, throughBatch: 2) && !(51 ... 100).contains($0.orderId) }
        let events = CheckFixture.planting(in: 2, fixture.events()) { _ in fixture.rows(over: holed, batch: 2) }
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(2))
        #expect(outcome.counts.map { $0.lost > 0 && $0.duplicated == 0 } == true)
        #expect(outcome.discrepancy?.key?.columns == ["buy", "window.start", "window.end"])
    }

    @Test func catchesOffsetsThatSkipAFile() {
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(ExactlyOnceCheckerTests.skippingChunkad(sinkFollowsOffsets: true)))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(2), "through batch 1 the files read, chunkaa..chunkac, are a prefix")
        #expect(outcome.discrepancy?.description
            == "batch 2, files read: expected the first 5 in name order (chunkaa..chunkae), found chunkaa..chunkac, chunkae..chunkaf (skipped chunkad)")
        #expect(outcome.detail.hasSuffix("the committed offsets do not cover a prefix of the input files"))
    }

    @Test func checksEveryWriteOfARerunBatch() {
        let fixture = CheckFixture(killedBatch: 1)
        var events = fixture.events()
        let restart = events.firstIndex { if case .restarted = $0 { true } else { false } }!
        events.insert(.sinkRows(.init(batch: BatchID(1), content: .rows(fixture.rows(throughBatch: 1)), query: "count-buys")), at: restart)
        #expect(PrefixIntegrityChecker().check(CheckFixture.run(events)).verdict == .valid)
        let wrong = CheckFixture.adding(100, toBuy: true, in: fixture.rows(throughBatch: 1))
        events[restart] = .sinkRows(.init(batch: BatchID(1), content: .rows(wrong), query: "count-buys"))
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid, "the killed attempt's write is checked, though the rerun's write is right")
        #expect(outcome.counts?.duplicated == 100)
        #expect(ExactlyOnceChecker().check(CheckFixture.run(events)).verdict == .valid)
    }

    @Test func replacesTheTableEachBatchInCompleteMode() {
        let fixture = CheckFixture()
        var events = fixture.events().map { event -> HistoryEvent in
            guard case .sinkRows(var rows) = event else { return event }
            rows.query = nil
            return .sinkRows(rows)
        }
        #expect(PrefixIntegrityChecker().check(CheckFixture.run(events, fallbackReference: CompleteCountBuys.self)).verdict == .valid)
        events = CheckFixture.planting(in: 2, events) { rows in rows.filter { $0["buy"] != .bool(true) } }
        let replaced = PrefixIntegrityChecker().check(CheckFixture.run(events, fallbackReference: CompleteCountBuys.self))
        #expect(replaced.verdict == .invalid)
        #expect(replaced.discrepancy?.found == "no row", "complete mode forgets the rows of earlier batches")
        let upserted = PrefixIntegrityChecker().check(CheckFixture.run(events, fallbackReference: CountBuysReference.self))
        #expect(upserted.discrepancy?.found != "no row", "update mode keeps them")
    }

    @Test func leavesOutWritesOfBatchesNeverCommitted() {
        let fixture = CheckFixture()
        var events = fixture.events()
        let third = events.firstIndex { if case .batchStarted(let started) = $0 { started.batch == BatchID(3) } else { false } }!
        events.insert(.sinkRows(.init(batch: BatchID(9), content: .rows([]), query: "count-buys")), at: third)
        let outcome = PrefixIntegrityChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .valid)
        #expect(outcome.detail.hasPrefix("after each of 4 sink writes"))
    }
}

/// Count-buys as a complete-mode query: each batch's rows are the whole table.
struct CompleteCountBuys: ReferenceAnswer {
    static let query = "count-buys-complete"
    static let layout = SinkLayout(
        keyColumns: CountBuysReference.layout.keyColumns, valueColumns: CountBuysReference.layout.valueColumns,
        countColumn: "count", outputMode: .complete
    )
    private var inner = CountBuysReference()

    init() {}

    mutating func add(_ orders: [Order]) { inner.add(orders) }

    var table: SinkTable {
        var table = SinkTable(layout: Self.layout)
        for (key, values) in inner.table.rows { table.set(key, values) }
        return table
    }
}
