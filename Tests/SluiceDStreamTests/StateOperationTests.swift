import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

@Suite struct StateOperationTests {
    /// A running count that forgets keys absent from a batch.
    static let countWhilePresent: @Sendable ([Int], Int?) -> Int? = { values, state in
        values.isEmpty ? nil : (state ?? 0) + values.reduce(0, +)
    }

    static let runningSum: @Sendable ([Int], Int?) -> Int? = { values, state in (state ?? 0) + values.reduce(0, +) }

    @Test func keysAppearAndDisappear() throws {
        let checkpoint = temporaryDirectory("state-appear")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let words: [[String]] = [["a", "b", "a"], [], ["b", "c"], ["a"]]
        let output = try StreamTest.run(words, checkpoint: checkpoint) {
            $0.map { ($0, 1) }.updateStateByKey(Self.countWhilePresent)
        }
        #expect(equal(StreamTest.sorted(output), [[("a", 2), ("b", 1)], [], [("b", 1), ("c", 1)], [("a", 1)]]))
    }

    @Test func everyKeyIsUpdatedEachBatchStartingFromTheInitialState() throws {
        let checkpoint = temporaryDirectory("state-initial")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let output = try StreamTest.run([["a"], []], checkpoint: checkpoint) {
            $0.map { ($0, 1) }.updateStateByKey(Self.runningSum, initialState: RDD([("z", 10)]))
        }
        #expect(equal(output, [[("z", 10), ("a", 1)], [("z", 10), ("a", 1)]]))
    }

    @Test func refusesToStartWithoutACheckpointDirectory() {
        let expected = DStreamError.checkpointDirectoryNotSet(operation: "updateStateByKey")
        #expect(throws: expected) {
            try StreamTest.run([["a"]]) { $0.map { ($0, 1) }.updateStateByKey(Self.runningSum) }
        }
        #expect(expected.description.contains("The checkpoint directory has not been set"))
    }

    @Test func stateSurvivesAStopAndAStartFromTheCheckpoint() throws {
        let checkpoint = temporaryDirectory("state-restart")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let clock = ManualClock()
        let first = try StreamTest.run([["a", "b"], ["a"]], checkpoint: checkpoint, clock: clock) {
            $0.map { ($0, 1) }.updateStateByKey(Self.runningSum)
        }
        #expect(equal(first.last.map { [$0] } ?? [], [[("a", 2), ("b", 1)]]))
        let second = try StreamTest.run([["b"], ["c"]], checkpoint: checkpoint, clock: clock) {
            $0.map { ($0, 1) }.updateStateByKey(Self.runningSum)
        }
        #expect(equal(second, [[("a", 2), ("b", 2)], [("a", 2), ("b", 2), ("c", 1)]]))
    }

    @Test func aStateVersionThatDoesNotDecodeIsNamed() throws {
        let checkpoint = temporaryDirectory("state-corrupt")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let clock = ManualClock()
        _ = try StreamTest.run([["a"], ["b"]], checkpoint: checkpoint, clock: clock) { $0.map { ($0, 1) }.updateStateByKey(Self.runningSum) }
        let delta = checkpoint + "/state/0/0/2.delta"
        try Data(CheckpointFile.encode(Array("not json".utf8))).write(to: URL(fileURLWithPath: delta))
        #expect {
            try StreamTest.run([["a"]], checkpoint: checkpoint, clock: clock) { $0.map { ($0, 1) }.updateStateByKey(Self.runningSum) }
        } throws: { error in
            "\(error)".hasPrefix("\(delta): cannot restore DStream state")
        }
        try Data("torn".utf8).write(to: URL(fileURLWithPath: delta))
        #expect {
            try StreamTest.run([["a"]], checkpoint: checkpoint, clock: clock) { $0.map { ($0, 1) }.updateStateByKey(Self.runningSum) }
        } throws: { error in
            "\(error)".hasPrefix("\(delta): ")
        }
    }
}
