import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

/// Every kind of checkpoint file damaged in every way — cut short, one byte flipped, deleted — after a
/// windowed count ran five of eight files (retaining 3 batches, a snapshot every 2 versions). A
/// restart then either refuses with an error naming the file and the problem, or recovers, says in
/// the log what it recovered from, and ends with the uninterrupted answer. Never a wrong answer.
///
/// The checkpoint after five batches (0…4), the purges done:
/// `offsets/2…4`, `commits/2…4`, `state/0/0/` with `2.snapshot`, `4.snapshot`, `3…5.delta` (version
/// 5 loads from `4.snapshot` and `5.delta`), and `sources/0/1…5`, one entry per cut; the offsets
/// still name cuts 3…5, so cuts 1 and 2 are known only from the files log.
@Suite struct CheckpointCorruptionTests {
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        /// Keeps the header and half the payload.
        case truncate
        /// Flips one bit in the middle of the payload.
        case flip
        case delete

        var testDescription: String { rawValue }

        func apply(to path: String) throws {
            guard self != .delete else { return try FileManager.default.removeItem(atPath: path) }
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let payload = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1
            #expect(bytes.count > payload + 1, "\(path) has a payload to damage")
            let middle = payload + (bytes.count - payload) / 2
            switch self {
            case .truncate: bytes.removeSubrange(middle...)
            case .flip: bytes[middle] ^= 0x01
            case .delete: break
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    enum Target: String, CaseIterable, CustomTestStringConvertible {
        case metadata, latestOffsets, olderOffsets, latestCommit, stateDelta, stateSnapshot, sourceLog

        var testDescription: String { rawValue }

        /// The damaged file, relative to the checkpoint.
        var file: String {
            switch self {
            case .metadata: "metadata"
            case .latestOffsets: "offsets/4"
            case .olderOffsets: "offsets/3"
            case .latestCommit: "commits/4"
            case .stateDelta: "state/0/0/5.delta"
            case .stateSnapshot: "state/0/0/4.snapshot"
            case .sourceLog: "sources/0/2"
            }
        }
    }

    /// What a restart must do.
    enum Outcome {
        /// Refuse to start, with an error naming `path` (relative to the checkpoint) and containing every one of `reason`.
        case refused(path: String, reason: [String])
        /// Start, log a note containing every one of `note`, and finish with the right answer.
        case recovered(note: [String], firstBatch: Int64)
        /// Start without a note (the files look as a crash can leave them) and finish with the right answer.
        case recoveredSilently
    }

    static let query = CheckpointedQuery.windowedCount
    /// The sink's answer after all eight files, run without interruption.
    static let expected = Result { try CheckpointFixture.uninterruptedAnswer(of: query) }

    static func expectedOutcome(_ target: Target, _ damage: Damage) -> Outcome {
        let problem = damage == .truncate ? "truncated" : "checksum mismatch"
        switch (target, damage) {
        case (.metadata, .delete):
            return .refused(path: "metadata", reason: ["missing, but the checkpoint has offsets (batches 2…4), commits (batches 2…4), state and source logs"])
        case (.latestOffsets, .delete):
            return .refused(path: "commits/4", reason: ["batch 4 is committed but has no offsets (latest offsets: batch 3)"])
        case (.olderOffsets, .delete):
            return .recovered(note: ["offsets/3: missing between batches 2 and 4; passed over: batch 4's offsets say where each input stands"], firstBatch: 5)
        case (.olderOffsets, _):
            return .recovered(note: ["offsets/3: \(problem)", "; passed over: batch 4's offsets say where each input stands"], firstBatch: 5)
        case (.latestCommit, .delete):
            return .recovered(note: ["batch 4 has offsets but no commit: running it again with its recorded offsets"], firstBatch: 4)
        case (.latestCommit, _):
            return .recovered(note: ["commits/4: \(problem)", "; batch 4 is run again with its recorded offsets"], firstBatch: 4)
        case (.stateDelta, .delete):
            return .refused(path: "state/0/0/5.delta", reason: ["missing: state version 5 needs every delta after snapshot 4"])
        case (.stateSnapshot, .delete):
            return .recoveredSilently
        case (.stateSnapshot, _):
            return .recovered(note: ["state/0/0/4.snapshot: \(problem)", "loaded from 2.snapshot and deltas 3…5 instead"], firstBatch: 5)
        case (.sourceLog, .delete):
            return .refused(path: "sources/0/2", reason: ["missing: the files read by cut 2 are named neither in this files log nor in the checkpoint's offsets"])
        case (.latestOffsets, _):
            return .refused(path: "offsets/4", reason: [problem, "batch 4 may have reached the sink, so its input cannot be chosen again safely"])
        case (.metadata, _), (.stateDelta, _), (.sourceLog, _):
            return .refused(path: target.file, reason: [problem])
        }
    }

    @Test(arguments: Target.allCases, Damage.allCases)
    func aDamagedFileIsRefusedByNameOrRecoveredCorrectly(target: Target, damage: Damage) throws {
        let expected = try Self.expected.get()
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 5)
            try fixture.run(Self.query, into: sink, options: NoteLog().options(retainedBatches: 3, snapshotInterval: 2))
            #expect(fixture.names(in: "offsets") == ["2", "3", "4"])
            #expect(fixture.names(in: "commits") == ["2", "3", "4"])
            #expect(fixture.names(in: "state/0/0") == ["2.snapshot", "3.delta", "4.delta", "4.snapshot", "5.delta"])
            #expect(fixture.names(in: "sources/0") == ["1", "2", "3", "4", "5"])

            try damage.apply(to: fixture.checkpointFile(target.file))
            try fixture.addFiles(5 ..< CheckpointFixture.fileCount)
            let notes = NoteLog()
            let restart = { try fixture.run(Self.query, into: sink, options: notes.options(retainedBatches: 3, snapshotInterval: 2)) }
            switch Self.expectedOutcome(target, damage) {
            case .refused(let path, let reason):
                let before = fixture.checkpointContents()
                let error = #expect(throws: (any Error).self) { try restart() }
                let message = error.map { "\($0)" } ?? ""
                #expect(message.hasPrefix(fixture.checkpointFile(path) + ": "), "the error names the file: \(message)")
                #expect(reason.allSatisfy(message.contains), "the error says what is wrong: \(message)")
                #expect(sink.calls.count == 5, "nothing reached the sink")
                #expect(fixture.checkpointContents() == before, "a refused start leaves the checkpoint as it found it")
                try CheckpointLock(directory: fixture.checkpoint).release()
            case .recovered(let note, let firstBatch):
                let restarted = try restart()
                #expect(notes.all.contains { line in note.allSatisfy(line.contains) }, "a note says \(note); notes: \(notes.all)")
                #expect(notes.all.allSatisfy { $0.hasPrefix("checkpoint \(fixture.checkpoint): ") })
                #expect(restarted.recentProgress.map(\.batchId.rawValue) == Array(firstBatch ..< 8))
                #expect(sink.calls.map(\.rawValue) == Array(0 ..< 5) + Array(firstBatch ..< 8), "only a batch without a usable commit runs again")
                #expect(sink.answer(for: Self.query) == expected)
            case .recoveredSilently:
                let restarted = try restart()
                #expect(notes.all.isEmpty, "\(notes.all)")
                #expect(restarted.recentProgress.map(\.batchId.rawValue) == [5, 6, 7])
                #expect(sink.answer(for: Self.query) == expected)
            }
        }
    }

    /// Without offsets and commits the logs look like a fresh checkpoint, but the state and the files
    /// log say batches ran: starting at batch 0 over them would lose rows, so the start is refused.
    @Test(arguments: [["offsets", "commits"], ["offsets", "commits", "state"]])
    func losingTheOffsetsAndCommitsIsRefused(deleted: [String]) throws {
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 3)
            try fixture.run(Self.query, into: sink)
            for folder in deleted { try FileManager.default.removeItem(atPath: fixture.checkpointFile(folder)) }
            try fixture.addFiles(3 ..< 4)
            let error = #expect(throws: CheckpointError.self) { try fixture.run(Self.query, into: sink) }
            let left = deleted.contains("state") ? "source logs" : "state and source logs"
            #expect(error == .corrupt(path: fixture.checkpointFile("offsets"), reason: "missing: the checkpoint has \(left) of committed batches "
                + "but no offsets or commits, so batch ids would start again at 0 over them; restore the offsets, or use a new checkpoint location to start over"))
            #expect(sink.calls.count == 3)
            #expect(!FileManager.default.fileExists(atPath: fixture.checkpointFile("offsets")), "the refusal wrote no offsets")
        }
    }
}
