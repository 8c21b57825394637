import Foundation
import Testing
@testable import SluiceCore

/// A key-value state kept the way an operator keeps it: deltas of an upserts and a removals batch,
/// snapshots of the whole state, all encoded with `RecordBatchCodec`.
struct StateModel {
    static let entries = Schema([Field("key", .string), Field("value", .int64)])
    static let keys = Schema([Field("key", .string)])

    static func delta(puts: [String: Int64], removals: [String]) throws -> [UInt8] {
        RecordBatchCodec.encode([try batch(puts), try RecordBatch(schema: keys, rows: removals.map { [.string($0)] })])
    }

    static func snapshot(_ state: [String: Int64]) throws -> [UInt8] {
        RecordBatchCodec.encode(try batch(state))
    }

    static func batch(_ state: [String: Int64]) throws -> RecordBatch {
        try RecordBatch(schema: entries, rows: state.sorted { $0.key < $1.key }.map { [.string($0.key), .int64($0.value)] })
    }

    /// The state `chain` rebuilds.
    static func rebuild(_ chain: StateChain) throws -> [String: Int64] {
        var state: [String: Int64] = [:]
        func put(_ batch: RecordBatch) {
            for row in batch.rows { if case .string(let key) = row[0], case .int64(let value) = row[1] { state[key] = value } }
        }
        if let snapshot = chain.snapshot { put(try RecordBatchCodec.decode(snapshot.payload, path: "snapshot")) }
        for delta in chain.deltas {
            let batches = try RecordBatchCodec.decodeBatches(delta.payload, path: "delta")
            put(batches[0])
            for row in batches[1].rows { if case .string(let key) = row[0] { state[key] = nil } }
        }
        return state
    }
}

@Suite struct VersionedStateStoreTests {
    func scratch() -> String { NSTemporaryDirectory() + "sluice-state-store-" + UUID().uuidString }

    /// Commits versions 1…count, each putting key `k(v % 7)` = v and removing key `k(v % 5)` when v is
    /// even; returns every version's state and the versions whose snapshot closure was called.
    func commitVersions(_ store: VersionedStateStore, count: Int64) throws -> (history: [Int64: [String: Int64]], snapshots: [Int64]) {
        var state: [String: Int64] = [:]
        var history: [Int64: [String: Int64]] = [0: [:]]
        var snapshots: [Int64] = []
        for version in 1 ... count {
            let puts = ["k\(version % 7)": version]
            let removals = version % 2 == 0 ? ["k\(version % 5)"] : []
            state.merge(puts) { _, new in new }
            for key in removals { state[key] = nil }
            let whole = state
            try store.commit(version: version, delta: try StateModel.delta(puts: puts, removals: removals)) {
                snapshots.append(version)
                return (try? StateModel.snapshot(whole)) ?? []
            }
            history[version] = state
        }
        return (history, snapshots)
    }

    @Test(arguments: [1, 3, 10])
    func everyVersionLoadsAsItWasCommitted(snapshotInterval: Int) throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: snapshotInterval)
        let (history, snapshots) = try commitVersions(store, count: 23)
        #expect(snapshots == Array(stride(from: Int64(snapshotInterval), through: 23, by: snapshotInterval)), "built only when needed")
        for version in 0 ... Int64(23) {
            let chain = try store.load(version: version)
            let base = version / Int64(snapshotInterval) * Int64(snapshotInterval)
            #expect(chain.snapshot?.version == (base == 0 ? nil : base), "version \(version)")
            #expect(chain.deltas.map(\.version) == Array(stride(from: base + 1, through: version, by: 1)), "version \(version)")
            #expect(chain.notes.isEmpty)
            #expect(try StateModel.rebuild(chain) == history[version], "version \(version)")
        }
    }

    @Test func withoutASnapshotClosureOnlyTheDeltaIsWritten() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 2)
        #expect(!store.needsSnapshot(version: 1) && store.needsSnapshot(version: 2))
        try store.commit(version: 1, delta: [1], snapshot: nil)
        try store.commit(version: 2, delta: [2], snapshot: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["1.delta", "2.delta"])
        #expect(try store.load(version: 2) == StateChain(snapshot: nil, deltas: [.init(version: 1, payload: [1]), .init(version: 2, payload: [2])], notes: []))
    }

    @Test func aSnapshotWrittenOffTheIntervalIsUsed() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 5)
        let (history, _) = try commitVersions(store, count: 9)
        try store.writeSnapshot(version: 7, payload: try StateModel.snapshot(history[7]!))
        let chain = try store.load(version: 9)
        #expect(chain.snapshot?.version == 7 && chain.deltas.map(\.version) == [8, 9])
        #expect(try StateModel.rebuild(chain) == history[9])
        #expect(store.purge(keepingFrom: 8) == 8, "deltas 1…7 and 5.snapshot")
        #expect(try StateModel.rebuild(store.load(version: 9)) == history[9])
    }

    @Test func purgeKeepsWhatLaterVersionsNeed() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 5)
        let (history, _) = try commitVersions(store, count: 17)
        #expect(store.purge(keepingFrom: 12) == 11, "deltas 1…10 and 5.snapshot")
        #expect(store.versions(of: .snapshot) == [10, 15] && store.versions(of: .delta) == Array(11 ... 17))
        for version in Int64(12) ... 17 { #expect(try StateModel.rebuild(store.load(version: version)) == history[version]) }
    }

    @Test func aMissingOrDamagedDeltaIsNamed() throws {
        let directory = scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = VersionedStateStore(directory: directory, snapshotInterval: 10)
        _ = try commitVersions(store, count: 4)
        try FileManager.default.removeItem(atPath: directory + "/3.delta")
        #expect(throws: CheckpointError.corrupt(path: directory + "/3.delta", reason: "missing: state version 4 needs every delta after snapshot 0")) {
            try store.load(version: 4)
        }
        try flipLastByte(of: directory + "/2.delta")
        do {
            _ = try store.load(version: 2)
            Issue.record("a damaged delta must be caught")
        } catch {
            #expect(error.description.hasPrefix(directory + "/2.delta: checksum mismatch"))
        }
    }

    func flipLastByte(of path: String) throws {
        var bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        bytes[bytes.count - 1] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
