import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceDStream

/// A DStream over in-process sequenced producers, crashed and restarted: the producers send the
/// uncommitted batch again after the restart, and the table counts every row once.
@Suite struct SequencedProducerRecoveryTests {
    static let schema = Schema([Field("n", .int64)])
    static let sumSchema = Schema([Field("sum", .int64), Field("rows", .int64)])

    /// Rows numbered `range`, each holding its own number.
    static func rows(_ range: Range<Int64>) throws -> RecordBatch {
        try RecordBatch(schema: schema, rows: range.map { [.int64($0)] })
    }

    static func numbers(_ batch: RecordBatch) -> [Int64] {
        batch.rows.compactMap { row in if case .int64(let value) = row[0] { value } else { nil } }
    }

    /// A context summing each batch into `table`.
    static func start(_ input: SequencedChannelInput, clock: ManualClock, checkpoint: String, table: MemoryTable,
                      fault: FaultPlan? = nil) throws -> StreamingContext {
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1, printer: { _ in })
        context.checkpoint(directory: checkpoint, options: .init(log: { _ in }))
        if let fault { context.simulateFault(fault) }
        context.receiverStream(input, decode: numbers).glom().map { $0.reduce(into: (sum: Int64(0), rows: Int64(0))) { $0.sum += $1; $0.rows += 1 } }
            .reduce { ($0.sum + $1.sum, $0.rows + $1.rows) }
            .saveToTable(table, schema: sumSchema) { [.int64($0.sum), .int64($0.rows)] }
        try context.start(driving: .caller)
        return context
    }

    @Test func theUncommittedBatchIsSentAgainAndCountedOnce() throws {
        let checkpoint = temporaryDirectory("dstream-sequenced")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let clock = ManualClock()
        let table = MemoryTable(name: "sums")
        let first = SequencedChannelInput(name: "numbers", schema: Self.schema)
        let context = try Self.start(first, clock: clock, checkpoint: checkpoint, table: table,
                                     fault: FaultPlan(point: .afterSinkCommit, batch: BatchID(1)))
        let producer = try first.makeProducer(named: "p0", startingAt: first.resumeSequence(for: "p0"))
        try producer.send(Self.rows(0 ..< 10))
        clock.advance(by: .seconds(1))
        try context.runDueBatches()
        try producer.send(Self.rows(10 ..< 25))
        clock.advance(by: .seconds(1))
        #expect(throws: SimulatedFault.self) { try context.runDueBatches() }

        let second = SequencedChannelInput(name: "numbers", schema: Self.schema, replayTimeout: .seconds(30))
        let resentFrom = Mutex<Int64?>(nil)
        let sender = Thread {
            guard let from = second.awaitResumeSequence(for: "p0", timeout: .seconds(30)),
                  let producer = try? second.makeProducer(named: "p0", startingAt: from) else { return }
            resentFrom.withLock { $0 = from }
            try? producer.send(Self.rows(from ..< 30))
        }
        sender.start()
        let restarted = try Self.start(second, clock: clock, checkpoint: checkpoint, table: table)
        clock.advance(by: .seconds(1))
        try restarted.runDueBatches()
        restarted.stop()
        #expect(resentFrom.withLock { $0 } == 10, "the producer sends again from the end of the last committed batch")
        #expect(table.rows == [[.int64(45), .int64(10)], [.int64(255), .int64(15)], [.int64(135), .int64(5)]])
        #expect(table.attempts.map(\.wrote) == [true, true, false, true])
    }
}
