import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

/// A checkpointed word count stopped, crashed and restarted: the state goes on, the positions go on,
/// a batch left uncommitted runs again on the same data, and the tables hold every word once.
@Suite struct CheckpointRecoveryTests {
    static let schema = Schema([Field("word", .string), Field("count", .int64)])

    /// The program: each batch's counts appended to `perBatch`, the running counts upserted into
    /// `totals`, each batch's words collected by batch time.
    struct WordCount {
        let perBatch = MemoryTable(name: "perBatch")
        let totals = MemoryTable(name: "totals")
        let words = Collected<String>()

        func define(_ lines: DStream<String>) {
            let words = lines.flatMap(SluiceDStreamTests.words)
            words.foreachRDD { [collected = self.words] rdd, time in collected.append(rdd.collect(), at: time) }
            let pairs = words.map { ($0, Int64(1)) }
            pairs.reduceByKey(+).saveToTable(perBatch, schema: CheckpointRecoveryTests.schema) { [.string($0.0), .int64($0.1)] }
            pairs.updateStateByKey { (counts: [Int64], total: Int64?) in (total ?? 0) + counts.reduce(0, +) }
                .saveToTable(totals, schema: CheckpointRecoveryTests.schema, mode: .upsert(keys: ["word"])) { [.string($0.0), .int64($0.1)] }
        }

        /// Each word's count in `table`, summed over its rows.
        func counts(in table: MemoryTable) -> [String: Int64] {
            table.rows.reduce(into: [:]) { counts, row in
                if case .string(let word) = row[0], case .int64(let count) = row[1] { counts[word, default: 0] += count }
            }
        }
    }

    @Test func aRestartGoesOnFromTheStateInputPositionsAndBatchTimes() throws {
        let job = TopicJob("dstream-restart")
        defer { job.remove() }
        let program = WordCount()
        let first = try job.start(program.define)
        try job.runBatch(first, ["a b", "a"])
        try job.runBatch(first, ["c"])
        first.stop()
        job.topic.append(["b b"])
        job.clock.advance(by: .seconds(2))

        let second = try job.start(program.define)
        let resumed = try job.runBatch(second, ["a c"])
        second.stop()
        #expect(job.notes.withLock { $0 }.contains { $0.hasSuffix("2 batch time(s) passed since the last recorded batch (1970-01-01 00:00:02); their batches run at once, the first with what arrived meanwhile") })
        #expect(resumed.map(\.batchID) == [BatchID(2), BatchID(3), BatchID(4)], "batch ids go on; the two batch times spent down still get batches")
        #expect(resumed.map(\.batchTime.milliseconds) == [3000, 4000, 5000])
        #expect(program.words.lastByTime == [1000: ["a", "b", "a"], 2000: ["c"], 3000: ["b", "b", "a", "c"], 4000: [], 5000: []],
                "lines appended while the job was down go to its first batch after the restart")
        #expect(program.counts(in: program.totals) == job.wordCounts)
        #expect(program.counts(in: program.perBatch) == job.wordCounts)
        #expect(program.perBatch.committedBatches == (0 ..< 5).map(BatchID.init))
    }

    @Test(arguments: [FaultPoint.afterOffsets, .afterState, .afterSinkCommit])
    func aBatchACrashLeftUncommittedRunsAgainOnTheSameData(crashingAt point: FaultPoint) throws {
        let job = TopicJob("dstream-crash-\(point)")
        defer { job.remove() }
        let program = WordCount()
        let first = try job.start(fault: FaultPlan(point: point, batch: BatchID(1)), program.define)
        try job.runBatch(first, ["a b"])
        #expect(throws: SimulatedFault(plan: FaultPlan(point: point, batch: BatchID(1)))) {
            try job.runBatch(first, ["b c", "c"])
        }
        job.topic.append(["d"])

        let second = try job.start(program.define)
        #expect(job.notes.withLock { $0 }.contains { $0.hasSuffix("batch 1 has offsets but no commit: running it again with its recorded offsets") })
        #expect(program.words.lastByTime[2000] == ["b", "c", "c"], "the batch runs again at its own time on exactly its lines")
        try job.runBatch(second, ["a"])
        second.stop()
        #expect(program.words.lastByTime[3000] == ["d", "a"])
        #expect(program.counts(in: program.totals) == job.wordCounts)
        #expect(program.counts(in: program.perBatch) == job.wordCounts, "no batch counted twice, none lost")
        #expect(program.perBatch.committedBatches == [BatchID(0), BatchID(1), BatchID(2)])
        let batchOneWrites = program.perBatch.attempts.filter { $0.batch == BatchID(1) }.map(\.wrote)
        #expect(batchOneWrites == (point == .afterOffsets ? [true] : [true, false]), "the table recognises the batch run again")
    }

    @Test func theInputIsCommittedOnlyThroughCommittedBatches() throws {
        let job = TopicJob("dstream-input-commit")
        defer { job.remove() }
        let program = WordCount()
        let input = TopicInput(job.topic)
        let context = StreamingContext(batchInterval: .seconds(1), clock: job.clock, parallelism: 1, printer: { _ in })
        context.checkpoint(directory: job.checkpoint, options: .init(log: { _ in }))
        program.define(context.receiverStream(input, decode: StreamingContext.stringValues))
        try context.start(driving: .caller)
        try job.runBatch(context, ["a", "b"])
        try job.runBatch(context, ["c"])
        context.stop()
        #expect(input.calls.withLock { $0 } == ["resume after 0", "commit through 2", "commit through 3"])
    }

    @Test func aFileStreamRunsACrashedBatchAgainFromItsFiles() throws {
        let job = TopicJob("dstream-files")
        defer { job.remove() }
        let folder = job.checkpoint + "-input"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func drop(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/.\(name)"))
            try FileManager.default.moveItem(atPath: "\(folder)/.\(name)", toPath: "\(folder)/\(name)")
        }
        let program = WordCount()
        func start(fault: FaultPlan?) throws -> StreamingContext {
            let context = StreamingContext(batchInterval: .seconds(1), clock: job.clock, parallelism: 2, printer: { _ in })
            context.checkpoint(directory: job.checkpoint, options: .init(log: { _ in }))
            if let fault { context.simulateFault(fault) }
            program.define(context.textFileStream(directory: folder))
            try context.start(driving: .caller)
            return context
        }
        let first = try start(fault: FaultPlan(point: .afterSinkCommit, batch: BatchID(1)))
        try drop("1.txt", "a b\n")
        job.clock.advance(by: .seconds(1))
        try first.runDueBatches()
        try drop("2.txt", "b c\nc\n")
        job.clock.advance(by: .seconds(1))
        #expect(throws: SimulatedFault.self) { try first.runDueBatches() }
        try drop("3.txt", "d\n")

        let second = try start(fault: nil)
        job.clock.advance(by: .seconds(1))
        try second.runDueBatches()
        second.stop()
        #expect(program.words.lastByTime == [1000: ["a", "b"], 2000: ["b", "c", "c"], 3000: ["d"]])
        #expect(program.counts(in: program.totals) == ["a": 1, "b": 2, "c": 2, "d": 1])
        #expect(program.counts(in: program.perBatch) == ["a": 1, "b": 2, "c": 2, "d": 1])
    }
}
