import Foundation
import Testing
@testable import SluiceCore

@Suite struct CheckpointFileTests {
    let payload = Array(#"{"batch":17}"#.utf8)

    @Test func roundTripsAndDocumentsItsHeader() throws {
        let bytes = CheckpointFile.encode(payload)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("sluice-checkpoint v1 length=12 crc32="))
        #expect(try CheckpointFile.decode(bytes, path: "offsets/17") == payload)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926, "the standard CRC-32 check value")
    }

    @Test func namesEveryKindOfDamage() {
        let bytes = CheckpointFile.encode(payload)
        var flipped = bytes
        flipped[flipped.count - 2] ^= 0x01
        let cases: [([UInt8], String)] = [
            (Array(bytes.dropLast(3)), "offsets/17: truncated: the header says 12 bytes, found 9"),
            (bytes + [0x20], "offsets/17: 1 bytes more than the 12 the header says"),
            ([], "offsets/17: empty file"),
            (Array("garbage".utf8), "offsets/17: no header line"),
            (Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " v1 ", with: " v2 ").utf8),
             "offsets/17: format version 2, this build reads version 1"),
        ]
        for (damaged, message) in cases {
            #expect(throws: CheckpointError.self) { try CheckpointFile.decode(damaged, path: "offsets/17") }
            do { _ = try CheckpointFile.decode(damaged, path: "offsets/17") } catch { #expect(error.description == message) }
        }
        do {
            _ = try CheckpointFile.decode(flipped, path: "offsets/17")
            Issue.record("a flipped byte must be caught")
        } catch {
            #expect(error.description.hasPrefix("offsets/17: checksum mismatch (stored 0x"))
        }
    }
}

@Suite struct MetadataLogTests {
    struct Offsets: Codable, Equatable, Sendable { let end: Int }

    func scratch() -> String { NSTemporaryDirectory() + "sluice-metadata-log-" + UUID().uuidString }

    @Test func addGetLatestAndPurge() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = MetadataLog<Offsets>(directory: directory + "/offsets")
        #expect(try log.latest() == nil)
        #expect(try log.add(Offsets(end: 10), for: BatchID(0)))
        #expect(try log.add(Offsets(end: 20), for: BatchID(1)))
        #expect(try log.add(Offsets(end: 99), for: BatchID(1)) == false, "an entry is written once")
        #expect(try log.get(BatchID(1)) == Offsets(end: 20))
        #expect(try log.get(BatchID(7)) == nil)
        #expect(try log.latest()?.batch == BatchID(1))
        #expect(log.purge(before: BatchID(1)) == 1)
        #expect(log.batches() == [BatchID(1)])
    }

    @Test func damagedFilesAreNamedAndTemporaryFilesRemoved() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = MetadataLog<Offsets>(directory: directory)
        try log.add(Offsets(end: 1), for: BatchID(3))
        let path = log.path(of: BatchID(3))
        var bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        bytes.removeLast()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: CheckpointError.corrupt(path: path, reason: "truncated: the header says 9 bytes, found 8")) { try log.get(BatchID(3)) }
        try Data().write(to: URL(fileURLWithPath: directory + "/4.x1" + DurableFile.temporarySuffix))
        #expect(log.removeTemporaryFiles() == 1)
        #expect(log.batches() == [BatchID(3)])
    }
}

@Suite struct RecoveryPlannerTests {
    typealias State = RecoveryPlanner.FileState

    func decide(_ offsets: [Int64: State], _ commits: [Int64: State]) -> RecoveryPlanner.Decision {
        RecoveryPlanner.decide(
            offsets: Dictionary(uniqueKeysWithValues: offsets.map { (BatchID($0.key), $0.value) }),
            commits: Dictionary(uniqueKeysWithValues: commits.map { (BatchID($0.key), $0.value) }),
            offsetsPath: { "offsets/\($0)" }, commitsPath: { "commits/\($0)" }
        ).decision
    }

    @Test func followsTheWriteAheadProtocol() {
        #expect(decide([:], [:]) == .fresh)
        #expect(decide([0: .valid], [:]) == .rerun(BatchID(0)))
        #expect(decide([0: .valid, 1: .valid], [0: .valid]) == .rerun(BatchID(1)))
        #expect(decide([0: .valid, 1: .valid], [0: .valid, 1: .valid]) == .resumeAfter(BatchID(1)))
        #expect(decide([5: .valid, 6: .valid], [5: .valid]) == .rerun(BatchID(6)), "purged older entries are fine")
        #expect(decide([1: .valid, 2: .valid], [0: .valid]) == .rerun(BatchID(2)), "commits lag: batch 1 finished before offsets/2 was written")
    }

    @Test func recoversFromADamagedLatestCommitAndSaysSo() {
        let result = RecoveryPlanner.decide(offsets: [BatchID(2): .valid], commits: [BatchID(2): .corrupt(reason: "checksum mismatch")],
                                            offsetsPath: { "offsets/\($0)" }, commitsPath: { "commits/\($0)" })
        #expect(result.decision == .rerun(BatchID(2)))
        #expect(result.notes.first?.hasPrefix("commits/2: checksum mismatch; batch 2 is run again") == true)
    }

    @Test func refusesWhatCannotBeRecoveredSafely() {
        guard case .refuse(let path, _) = decide([3: .corrupt(reason: "truncated")], [2: .valid]) else {
            Issue.record("a damaged latest offsets file must stop the start"); return
        }
        #expect(path == "offsets/3")
        #expect(decide([:], [0: .valid]) == .refuse(path: "commits/0", reason: "a commit without any offsets; this is not the checkpoint of this query, or its offsets were deleted"))
        #expect(decide([1: .valid], [1: .valid, 2: .valid]) == .refuse(path: "commits/2", reason: "batch 2 is committed but has no offsets (latest offsets: batch 1)"))
    }

    @Test func notesDamagedAndMissingOlderOffsetsItPassesOver() {
        let result = RecoveryPlanner.decide(
            offsets: [BatchID(2): .corrupt(reason: "truncated"), BatchID(3): .valid, BatchID(6): .valid, BatchID(7): .valid],
            commits: [BatchID(7): .valid], offsetsPath: { "offsets/\($0)" }, commitsPath: { "commits/\($0)" })
        #expect(result.decision == .resumeAfter(BatchID(7)))
        #expect(result.notes == [
            "offsets/2: truncated; passed over: batch 7's offsets say where each input stands",
            "offsets/4…5: missing between batches 3 and 6; passed over: batch 7's offsets say where each input stands",
        ])
    }

    @Test func everyCombinationOfThreeBatchesGetsADecision() {
        let states: [State?] = [nil, .valid, .corrupt(reason: "x")]
        var decisions = 0
        for o0 in states { for o1 in states { for c0 in states { for c1 in states {
            var offsets: [Int64: State] = [:]
            var commits: [Int64: State] = [:]
            if let o0 { offsets[0] = o0 }
            if let o1 { offsets[1] = o1 }
            if let c0 { commits[0] = c0 }
            if let c1 { commits[1] = c1 }
            let decision = decide(offsets, commits)
            if case .resumeAfter(let batch) = decision { #expect(commits[batch.rawValue] == .valid) }
            if case .rerun(let batch) = decision { #expect(offsets[batch.rawValue] == .valid) }
            decisions += 1
        } } } }
        #expect(decisions == 81)
    }
}
