import Foundation
import Testing
@testable import SluiceCore

@Suite struct VersionedStateStoreTests {
    func scratch() -> String { NSTemporaryDirectory() + "sluice-state-store-" + UUID().uuidString }

    /// Commits versions 1…count, each putting key `v % 7` = v and removing key `v % 5` when v is even.
    func commitVersions(_ store: VersionedStateStore<Int, Int>, count: Int64) throws -> [Int64: [Int: Int]] {
        var state: [Int: Int] = [:]
        var history: [Int64: [Int: Int]] = [0: [:]]
        for version in 1 ... count {
            let put = [Int(version % 7): Int(version)]
            let removals = version % 2 == 0 ? [Int(version % 5)] : []
            state.merge(put) { _, new in new }
            for key in removals { state[key] = nil }
            try store.commit(version: version, state: state, puts: put, removals: removals)
            history[version] = state
        }
        return history
    }

    @Test(arguments: [1, 3, 10])
    func everyVersionLoadsAsItWasCommitted(snapshotInterval: Int) throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore<Int, Int>(directory: directory, snapshotInterval: snapshotInterval)
        let history = try commitVersions(store, count: 23)
        for version in 0 ... Int64(23) { #expect(try store.load(version: version) == history[version], "version \(version)") }
    }

    @Test func purgeKeepsWhatLaterVersionsNeed() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore<Int, Int>(directory: directory, snapshotInterval: 5)
        let history = try commitVersions(store, count: 17)
        #expect(store.purge(keepingFrom: 12) > 0)
        for version in Int64(12) ... 17 { #expect(try store.load(version: version) == history[version]) }
    }

    @Test func aMissingOrDamagedDeltaIsNamed() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore<Int, Int>(directory: directory, snapshotInterval: 10)
        _ = try commitVersions(store, count: 4)
        try FileManager.default.removeItem(atPath: directory + "/3.delta")
        #expect(throws: CheckpointError.corrupt(path: directory + "/3.delta", reason: "missing: state version 4 needs every delta after snapshot 0")) {
            try store.load(version: 4)
        }
        var bytes = [UInt8](FileManager.default.contents(atPath: directory + "/2.delta")!)
        bytes[bytes.count - 1] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/2.delta"))
        #expect(throws: CheckpointError.self) { try store.load(version: 2) }
    }
}
