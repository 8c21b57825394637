import Foundation
import Testing
@testable import SluiceCore

@Suite struct VersionedStateStoreRecoveryTests {
    let directory = NSTemporaryDirectory() + "sluice-state-recovery-" + UUID().uuidString
    let tests = VersionedStateStoreTests()

    @Test func aDamagedSnapshotFallsBackToAnOlderOneWithANote() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 5)
        let (history, _) = try tests.commitVersions(store, count: 14)
        try tests.flipLastByte(of: directory + "/10.snapshot")
        let chain = try store.load(version: 14)
        #expect(chain.snapshot?.version == 5 && chain.deltas.map(\.version) == Array(6 ... 14))
        #expect(try StateModel.rebuild(chain) == history[14])
        #expect(chain.notes.count == 1)
        #expect(chain.notes.first?.hasPrefix(directory + "/10.snapshot: checksum mismatch (stored 0x") == true)
        #expect(chain.notes.first?.hasSuffix("; loaded from 5.snapshot and deltas 6…14 instead") == true)

        try tests.flipLastByte(of: directory + "/5.snapshot")
        let fromScratch = try store.load(version: 14)
        #expect(fromScratch.snapshot == nil && fromScratch.deltas.count == 14 && fromScratch.notes.count == 2)
        #expect(fromScratch.notes.allSatisfy { $0.hasSuffix("; loaded from deltas 1…14 instead") })
        #expect(try StateModel.rebuild(fromScratch) == history[14])
    }

    @Test func aDamagedSnapshotWithoutAnUnbrokenOlderChainIsNamed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 5)
        _ = try tests.commitVersions(store, count: 14)
        store.purge(keepingFrom: 10)
        try tests.flipLastByte(of: directory + "/10.snapshot")
        do {
            _ = try store.load(version: 14)
            Issue.record("a damaged snapshot with nothing to fall back to must be an error")
        } catch {
            guard case .corrupt(let path, let reason) = error else { Issue.record("\(error)"); return }
            #expect(path == directory + "/10.snapshot")
            #expect(reason.hasPrefix("checksum mismatch"))
            #expect(reason.hasSuffix("; no older snapshot has every delta after it to fall back to (\(directory)/1.delta: missing: state version 14 needs every delta after snapshot 0)"))
        }
    }

    @Test func aSnapshotWriteCutShortLeavesATemporaryFileThatLoadingIgnores() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 5)
        let (history, _) = try tests.commitVersions(store, count: 9)
        try store.commit(version: 10, delta: try StateModel.delta(puts: [:], removals: []), snapshot: nil)
        let full = CheckpointFile.encode(try StateModel.snapshot(history[9]!))
        let leftover = directory + "/10.snapshot.k3x9" + DurableFile.temporarySuffix
        try Data(full).write(to: URL(fileURLWithPath: leftover))
        let chain = try store.load(version: 10)
        #expect(chain.snapshot?.version == 5 && chain.deltas.map(\.version) == Array(6 ... 10) && chain.notes.isEmpty)
        #expect(try StateModel.rebuild(chain) == history[9])
        #expect(store.removeTemporaryFiles() == 1)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(store.removeTemporaryFiles() == 0)
    }

    @Test func theTemporaryFileIsCompleteWhenTheRenameIsAboutToHappen() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/10.snapshot"
        var seen: [String] = []
        try DurableFile.write(Array("whole state".utf8), to: path) { temporary in
            seen.append(temporary)
            #expect(temporary.hasPrefix(path + ".") && temporary.hasSuffix(DurableFile.temporarySuffix))
            #expect(FileManager.default.contents(atPath: temporary) == Data("whole state".utf8))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(seen.count == 1)
        #expect(FileManager.default.contents(atPath: path) == Data("whole state".utf8))
    }
}
