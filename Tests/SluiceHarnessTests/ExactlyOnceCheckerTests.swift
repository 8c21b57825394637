import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct ExactlyOnceCheckerTests {
    static let fixtures: [(name: String, fixture: CheckFixture)] = [
        ("count-buys, directory", CheckFixture()),
        ("count-buys, producers", CheckFixture(source: .producers)),
        ("windowed-counts, directory, timestamps as text", CheckFixture(query: .windowedCounts, timestampsAsText: true)),
        ("windowed-counts, producers, kill in batch 2", CheckFixture(source: .producers, query: .windowedCounts, killedBatch: 2)),
    ]

    @Test(arguments: fixtures.indices)
    func aCorrectRunIsValid(index: Int) {
        let fixture = Self.fixtures[index].fixture
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(fixture.events()))
        #expect(outcome.verdict == .valid, "\(Self.fixtures[index].name): \(outcome.detail)")
        #expect(outcome.batch == BatchID(fixture.batchCount - 1))
        #expect(outcome.counts?.lost == 0 && outcome.counts?.duplicated == 0 && outcome.counts?.unexpected == 0)
    }

    @Test func aValidRunSaysWhatInputItChecked() {
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(CheckFixture().events()))
        let wellFormed = CheckFixture().orders.count
        #expect(outcome.detail == "sink equals count-buys over orderId 1..400 (\(wellFormed) orders), the input through batch 3")
    }

    @Test func catchesAPlantedDuplicate() {
        let fixture = CheckFixture()
        let last = fixture.batchCount - 1
        let buys = CheckFixture.count(buy: true, in: fixture.rows(throughBatch: last))
        let events = CheckFixture.planting(in: last, fixture.events()) { CheckFixture.adding(12, toBuy: true, in: $0) }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(last))
        #expect(outcome.discrepancy?.key?.description == "(buy=true)")
        #expect(outcome.discrepancy?.description == "batch 3, key (buy=true): expected \(buys), found \(buys + 12) (counted twice?)")
        #expect(outcome.counts == HistoryEvent.CheckCounts(lost: 0, duplicated: 12, unexpected: 0, recovered: 0))
    }

    @Test func catchesAPlantedLoss() {
        let fixture = CheckFixture()
        let last = fixture.batchCount - 1
        let sells = CheckFixture.count(buy: false, in: fixture.rows(throughBatch: last))
        let events = CheckFixture.planting(in: last, fixture.events()) { CheckFixture.adding(-30, toBuy: false, in: $0) }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.discrepancy?.description == "batch 3, key (buy=false): expected \(sells), found \(sells - 30) (lost?)")
        #expect(outcome.counts?.lost == 30 && outcome.counts?.duplicated == 0)
    }

    @Test func catchesALostWindowRowAndAnUnexpectedOne() {
        let fixture = CheckFixture(query: .windowedCounts)
        let last = fixture.batchCount - 1
        let rows = fixture.rows(throughBatch: last)
        guard case .int(let droppedCount)? = rows[0]["count"] else { Issue.record("no count"); return }
        let droppedKey = rows[0].filter { $0.key != "count" }
        var events = fixture.events()
        for batch in 0 ... last {
            events = CheckFixture.planting(in: batch, events) { rows in rows.filter { $0.filter { $0.key != "count" } != droppedKey } }
        }
        events = CheckFixture.planting(in: last, events) { rows in
            rows + [["buy": .bool(true), "window.start": .int(0), "window.end": .int(3_600_000_000), "count": .int(5)]]
        }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.counts?.lost == droppedCount && outcome.counts?.unexpected == 5)
        #expect(outcome.detail.contains("; 1 more key differs; "))
        let description = outcome.discrepancy?.description ?? ""
        #expect(description.hasPrefix("batch 3, key (buy=false, window.start=2016-03-22 "), "keys sort by their text: buy=false first")
        #expect(description.hasSuffix(": expected \(droppedCount), found no row (row lost?)"))
    }

    @Test func aMidRunDuplicateHealedByLaterUpsertsPassesExactlyOnce() {
        let fixture = CheckFixture()
        let events = CheckFixture.planting(in: 1, fixture.events()) { CheckFixture.adding(7, toBuy: true, in: $0) }
        #expect(ExactlyOnceChecker().check(CheckFixture.run(events)).verdict == .valid)
        #expect(PrefixIntegrityChecker().check(CheckFixture.run(events)).verdict == .invalid)
    }

    /// The events of a run whose batch 1 read only `chunkac`, skipping `chunkad`; with `sinkFollowsOffsets`
    /// the sink rows leave out chunkad's orders too.
    static func skippingChunkad(sinkFollowsOffsets: Bool) -> [HistoryEvent] {
        let fixture = CheckFixture()
        let input = fixture.orders.filter { !(151 ... 200).contains($0.orderId) }
        return fixture.events().map { event -> HistoryEvent in
            switch event {
            case .offsetsWritten(var written) where written.batch == BatchID(1):
                written.ends["orders"] = DirectoryOffset(files: [CheckFixture.fileName(2)], index: 2).sourceOffset.json
                return .offsetsWritten(written)
            case .sinkRows(var sinkRows) where sinkFollowsOffsets:
                let batch = sinkRows.batch.rawValue
                sinkRows.content = .rows(fixture.rows(over: input.filter { fixture.covers($0.orderId, throughBatch: batch) }, batch: batch))
                return .sinkRows(sinkRows)
            default: return event
            }
        }
    }

    @Test func aSkippedFileCountsAsLost() {
        let chunkad = CheckFixture().orders.filter { (151 ... 200).contains($0.orderId) }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(Self.skippingChunkad(sinkFollowsOffsets: true)))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.counts?.lost == Int64(chunkad.count) && outcome.counts?.duplicated == 0)
        #expect(outcome.detail.contains("files skipped: chunkad"))
    }

    @Test func theSinkIsJudgedAgainstThePrefixNotTheOffsetsHoles() {
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(Self.skippingChunkad(sinkFollowsOffsets: false)))
        #expect(outcome.verdict == .valid, "\(outcome.detail)")
        #expect(outcome.detail.contains("files skipped: chunkad"))
    }

    @Test func countsTheOrdersOfARerunBatchAsRecovered() {
        let fixture = CheckFixture(killedBatch: 2)
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(fixture.events()))
        let rerun = Int64(fixture.orders.count { (201 ... 300).contains($0.orderId) })
        #expect(outcome.verdict == .valid)
        #expect(outcome.counts?.recovered == rerun)
    }

    @Test func aSinkCommitAheadOfTheCommitLogIsCheckedAgainstItsOwnBatch() {
        let fixture = CheckFixture()
        let last = BatchID(fixture.batchCount - 1)
        let events = fixture.events().filter { event in
            if case .batchCommitted(let commit) = event { return commit.batch != last }
            return true
        }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .valid)
        #expect(outcome.batch == last)
        #expect(outcome.detail.contains("batch 3's rows reached the sink but its commit is not in the history"))
    }

    @Test func notesInputProducedButNotCommitted() {
        let fixture = CheckFixture()
        let events = fixture.events().filter { event in
            switch event {
            case .batchStarted(let started): started.batch != BatchID(3)
            case .offsetsWritten(let written): written.batch != BatchID(3)
            case .sinkRows(let rows): rows.batch != BatchID(3)
            case .batchCommitted(let commit): commit.batch != BatchID(3)
            default: true
            }
        }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .valid)
        #expect(outcome.detail.contains("produced but not committed: orderId 301..400"))
    }

    @Test(arguments: [
        ("no workload", "the history records no workload (no produced line has a 'workload' field)"),
        ("no query", "no sinkRows line names the query, and none was given (--query)"),
        ("unknown query", "query 'top-clients' has no reference answer (known: count-buys, windowed-counts)"),
        ("no commit", "no batch committed"),
        ("socket offsets", "source 'orders': offset '\"socket\"' is neither a directory offset nor per-producer sequence numbers"),
    ])
    func cannotTellWithoutWhatItNeeds(defect: String, reason: String) {
        let events = CheckFixture().events().map { event -> HistoryEvent? in
            switch (defect, event) {
            case ("no workload", .produced(var produced)):
                produced.workload = nil
                return .produced(produced)
            case ("no query", .sinkRows(var rows)):
                rows.query = nil
                return .sinkRows(rows)
            case ("unknown query", .sinkRows(var rows)):
                rows.query = "top-clients"
                return .sinkRows(rows)
            case ("no commit", .batchCommitted): return nil
            case ("socket offsets", .offsetsWritten(var written)):
                written.ends["orders"] = "\"socket\""
                return .offsetsWritten(written)
            default: return event
            }
        }
        let outcome = ExactlyOnceChecker().check(CheckFixture.run(events.compactMap(\.self)))
        #expect(outcome.verdict == .unknown)
        #expect(outcome.detail == reason)
    }

    @Test func theQueryCanBeGivenWhenTheHistoryDoesNotNameIt() {
        let events = CheckFixture().events().map { event -> HistoryEvent in
            guard case .sinkRows(var rows) = event else { return event }
            rows.query = nil
            return .sinkRows(rows)
        }
        #expect(ExactlyOnceChecker().check(CheckFixture.run(events, fallbackReference: CountBuysReference.self)).verdict == .valid)
    }
}
