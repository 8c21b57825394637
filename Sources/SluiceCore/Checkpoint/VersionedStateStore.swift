import Foundation

/// One stateful operator partition's key-value state, versioned by batch: version N + 1 is version N
/// plus the changes of batch N. Each commit writes a delta file; every `snapshotInterval` versions a full
/// snapshot is written too, so a restart reads the latest snapshot at or below the wanted version and
/// replays at most `snapshotInterval − 1` deltas.
///
/// Layout in `directory`: `<version>.delta` and `<version>.snapshot`, each a `CheckpointFile` of JSON.
public struct VersionedStateStore<Key: Codable & Hashable & Sendable, Value: Codable & Sendable>: Sendable {
    public let directory: String
    public let snapshotInterval: Int

    public init(directory: String, snapshotInterval: Int = 10) {
        precondition(snapshotInterval >= 1, "VersionedStateStore: snapshotInterval must be at least 1")
        self.directory = directory
        self.snapshotInterval = snapshotInterval
    }

    private struct Delta: Codable {
        var puts: [Entry]
        var removals: [Key]
    }

    private struct Entry: Codable {
        let key: Key
        let value: Value
    }

    /// Writes version `version` as `state`, given the changes from the previous version; a full snapshot
    /// too when `version` is a multiple of the snapshot interval.
    public func commit(version: Int64, state: [Key: Value], puts: [Key: Value], removals: [Key]) throws(CheckpointError) {
        try write(Delta(puts: puts.map { Entry(key: $0.key, value: $0.value) }, removals: removals), to: path(version, "delta"))
        if version % Int64(snapshotInterval) == 0 {
            try write(state.map { Entry(key: $0.key, value: $0.value) }, to: path(version, "snapshot"))
        }
    }

    /// The state at `version`: the newest snapshot at or below it plus the deltas after it (an empty
    /// state when nothing was written). A missing delta in the chain is an error naming it.
    public func load(version: Int64) throws(CheckpointError) -> [Key: Value] {
        guard version > 0 else { return [:] }
        let snapshots = versions(withSuffix: "snapshot").filter { $0 <= version }
        var state: [Key: Value] = [:]
        var start: Int64 = 1
        if let base = snapshots.last {
            let entries: [Entry] = try read(path(base, "snapshot"))
            state = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            start = base + 1
        }
        guard start <= version else { return state }
        for next in start ... version {
            let deltaPath = path(next, "delta")
            guard FileManager.default.fileExists(atPath: deltaPath) else {
                throw .corrupt(path: deltaPath, reason: "missing: state version \(version) needs every delta after snapshot \(start - 1)")
            }
            let delta: Delta = try read(deltaPath)
            for entry in delta.puts { state[entry.key] = entry.value }
            for key in delta.removals { state[key] = nil }
        }
        return state
    }

    /// Deletes files no longer needed to load any version at or above `version`.
    @discardableResult
    public func purge(keepingFrom version: Int64) -> Int {
        guard let base = versions(withSuffix: "snapshot").last(where: { $0 <= version }) else { return 0 }
        var removed = 0
        for suffix in ["delta", "snapshot"] {
            for old in versions(withSuffix: suffix) where old < base || (suffix == "delta" && old == base) {
                if (try? FileManager.default.removeItem(atPath: path(old, suffix))) != nil { removed += 1 }
            }
        }
        return removed
    }

    private func path(_ version: Int64, _ suffix: String) -> String { "\(directory)/\(version).\(suffix)" }

    private func versions(withSuffix suffix: String) -> [Int64] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in name.hasSuffix("." + suffix) ? Int64(name.dropLast(suffix.count + 1)) : nil }.sorted()
    }

    private func write<T: Encodable>(_ value: T, to path: String) throws(CheckpointError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try DurableFile.write(CheckpointFile.encode([UInt8](try JSONEncoder().encode(value))), to: path)
        } catch {
            throw .io(path: path, reason: "\(error)")
        }
    }

    private func read<T: Decodable>(_ path: String) throws(CheckpointError) -> T {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, reason: "cannot be read") }
        let payload = try CheckpointFile.decode([UInt8](data), path: path)
        do {
            return try JSONDecoder().decode(T.self, from: Data(payload))
        } catch {
            throw .corrupt(path: path, reason: "the checksum is right but the content does not decode: \(error)")
        }
    }
}
