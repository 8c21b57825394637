import Foundation
import SluiceCore
import Synchronization

/// Saves the state of one `updateStateByKey` stream after each batch and loads the latest on start.
///
/// Layout: `<checkpoint>/dstream-state/<stream index>/<batch time in ms>.json`, a JSON array of
/// `{"key": …, "state": …}` written with `DurableFile` (temporary name, fsync, rename). The two newest
/// snapshots are kept, so a crash while writing one leaves the previous one intact. Snapshots are
/// encoded and written by a `BackgroundWriter`, so the fsync is not on the batch's path; when the writer
/// falls behind, only the newest state is written.
@usableFromInline final class StateSnapshotStore<Key: Codable & Sendable, State: Codable & Sendable>: Sendable {
    private let streamIndex: Int
    private let restored = Mutex<[(Key, State)]?>(nil)
    /// Whether the last snapshot queued held no key: another empty one need not be written.
    private let lastQueuedWasEmpty = Mutex(false)

    @usableFromInline init(streamIndex: Int) { self.streamIndex = streamIndex }

    private struct Entry: Codable {
        let key: Key
        let state: State
    }

    func directory(in checkpoint: String) -> String { "\(checkpoint)/dstream-state/\(streamIndex)" }

    /// The restored state, handed out once (to the first batch after a restart).
    @usableFromInline func takeRestored() -> [(Key, State)]? {
        restored.withLock { state in
            defer { state = nil }
            return state
        }
    }

    /// Loads the newest snapshot, if any; a snapshot that does not decode is an error naming its file.
    @usableFromInline func restore(from checkpoint: String) throws {
        guard let newest = try snapshots(in: checkpoint).last else { return }
        let path = "\(directory(in: checkpoint))/\(newest).json"
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let entries = try JSONDecoder().decode([Entry].self, from: data)
            restored.withLock { $0 = entries.map { ($0.key, $0.state) } }
        } catch {
            throw DStreamError.stateRestoreFailed(path: path, reason: "\(error)")
        }
    }

    /// Queues the state after the batch at `time` on `writer`, which encodes and writes it off the batch's path.
    @usableFromInline func save(_ state: [(Key, State)], at time: Timestamp, in checkpoint: String, using writer: BackgroundWriter) throws {
        try writer.submit(directory(in: checkpoint)) { [self] in try write(state, at: time, in: checkpoint) }
    }

    /// Writes the state after the batch at `time`, then deletes all but the two newest snapshots.
    private func write(_ state: [(Key, State)], at time: Timestamp, in checkpoint: String) throws {
        let folder = directory(in: checkpoint)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(state.map { Entry(key: $0.0, state: $0.1) })
        try DurableFile.write([UInt8](data), to: "\(folder)/\(time.milliseconds).json")
        for old in try snapshots(in: checkpoint).dropLast(2) {
            try? FileManager.default.removeItem(atPath: "\(folder)/\(old).json")
        }
    }

    /// The batch times (ms) of the snapshots present, oldest first.
    private func snapshots(in checkpoint: String) throws -> [Int64] {
        let folder = directory(in: checkpoint)
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".json") }
            .compactMap { Int64($0.dropLast(5)) }
            .sorted()
    }
}
