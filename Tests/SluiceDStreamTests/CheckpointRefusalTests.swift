import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

/// Starts a checkpoint must refuse: another program's checkpoint, one in use, outputs that need one.
@Suite struct CheckpointRefusalTests {
    static func runningCount(_ lines: DStream<String>) {
        lines.map { ($0, Int64(1)) }
            .updateStateByKey { (counts: [Int64], total: Int64?) in (total ?? 0) + counts.reduce(0, +) }
            .foreachRDD { _, _ in }
    }

    static func runningAverage(_ lines: DStream<String>) {
        lines.map { ($0, 1.0) }
            .updateStateByKey { (values: [Double], average: Double?) in values.reduce(average ?? 0, +) / Double(values.count + 1) }
            .foreachRDD { _, _ in }
    }

    /// Whether `error` is the coordinator's refusal of an incompatible restart naming `change`.
    static func isIncompatible(_ error: any Error, naming change: String) -> Bool {
        guard case .incompatible(_, let changes) = error as? CheckpointError else { return false }
        return changes == [change]
    }

    @Test func aRestartWithAnotherBatchIntervalIsRefused() throws {
        let job = TopicJob("dstream-refuse-interval")
        defer { job.remove() }
        let first = try job.start(Self.runningCount)
        try job.runBatch(first, ["a"])
        first.stop()
        #expect {
            try job.start(interval: .seconds(2), Self.runningCount)
        } throws: { error in
            Self.isIncompatible(error, naming: "batch interval changed: the checkpoint has '1000 ms', this query has '2000 ms'")
                && "\(error)".hasPrefix("\(job.checkpoint)/metadata: this checkpoint was written by an incompatible query")
        }
        let again = try job.start(Self.runningCount)
        again.stop()
    }

    @Test func aRestartWithAnotherStatefulOperationIsRefused() throws {
        let job = TopicJob("dstream-refuse-state")
        defer { job.remove() }
        let first = try job.start(Self.runningCount)
        try job.runBatch(first, ["a"])
        first.stop()
        #expect {
            try job.start(Self.runningAverage)
        } throws: { error in
            Self.isIncompatible(error, naming: "stateful operations changed: the checkpoint has 'updateStateByKey(String → Int64)', this query has 'updateStateByKey(String → Double)'")
        }
        #expect {
            try job.start { lines in try lines.window(.seconds(2)).foreachRDD { _, _ in } }
        } throws: { error in
            guard case .incompatible(_, let changes) = error as? CheckpointError else { return false }
            return changes == [
                "stateful operations changed: the checkpoint has 'updateStateByKey(String → Int64)', this query has '(none)'",
                "windows changed: the checkpoint has '(none)', this query has 'window 2000 ms, slide 1000 ms'",
            ]
        }
    }

    @Test func aSecondContextOnACheckpointInUseIsRefused() throws {
        let job = TopicJob("dstream-refuse-lock")
        defer { job.remove() }
        let first = try job.start(Self.runningCount)
        #expect {
            try job.start(Self.runningCount)
        } throws: { error in
            guard case .io(let path, let reason) = error as? CheckpointError else { return false }
            return path == job.checkpoint + "/lock" && reason.contains("the checkpoint is in use by pid \(ProcessInfo.processInfo.processIdentifier)")
        }
        try job.runBatch(first, ["a"])
        first.stop()
        let second = try job.start(Self.runningCount)
        second.stop()
    }

    @Test func inputsThatCannotReplayAreNamedOnStart() throws {
        let checkpoint = temporaryDirectory("dstream-unreplayable")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let notes = Collected<String>()
        let context = StreamingContext(batchInterval: .seconds(1), clock: ManualClock(), printer: { _ in })
        context.checkpoint(directory: checkpoint, options: .init(log: { notes.append([$0], at: Timestamp(microseconds: 0)) }))
        context.queueStream(RDDQueue<Int>()).foreachRDD { _, _ in }
        try context.start(driving: .caller)
        context.stop()
        #expect(notes.batches.joined().contains { $0.contains("input 'queueStream' cannot replay its data") })
    }

    @Test func saveToTableNeedsACheckpointDirectory() {
        let expected = DStreamError.checkpointDirectoryNotSet(
            operation: "saveToTable", need: "numbers batches across restarts for the table to recognise a batch run again")
        #expect(throws: expected) {
            try StreamTest.run([["a"]]) { stream in
                stream.saveToTable(MemoryTable(name: "t"), schema: Schema([Field("word", .string)])) { [.string($0)] }
                return stream
            }
        }
    }
}
