import Foundation
import SluiceCore
import Synchronization

/// One `updateStateByKey` stream's state as its checkpoint store sees it: computes each batch's new
/// state while noting what changed, encodes those changes (a delta) or the whole state (a snapshot),
/// and rebuilds the state from a snapshot and the deltas after it.
///
/// Both files are JSON of the same shape, `{"puts": [{"key": …, "state": …}, …], "removals": [key, …]}`:
/// a snapshot puts every key in state order and removes none. Applying puts in order (a known key is
/// replaced in place, a new one appended) and then removals gives back the state in the order the
/// stream keeps, so a restarted program's output is ordered as an uninterrupted run's.
///
/// The store starts empty, not at the initial state: the first step from the initial state puts every
/// key it keeps and removes the initial keys it drops. So until a step wrote something, the versions are
/// empty and a restart starts from the initial state again, as the first run did.
@usableFromInline final class KeyedStateVersions<Key: Hashable & Codable & Sendable, State: Codable & Sendable>: Sendable {
    /// The state a restart loaded, until the first step takes it; nil when the versions were empty.
    private let restored = Mutex<[(Key, State)]?>(nil)
    /// The latest state computed, with its batch time and the changes that made it.
    private let latest = Mutex<(time: Timestamp, state: RDD<(Key, State)>, changes: Changes)?>(nil)
    /// `==` of the state when it is `Equatable`: keys whose state stayed equal are not written.
    private let isEqual: (@Sendable (State, State) -> Bool)? = KeyedStateVersions.equality()

    @usableFromInline init() {}

    /// Changed (or new) keys in state order, and removed keys.
    struct Changes: Sendable {
        var puts: [(Key, State)] = []
        var removals: [Key] = []
    }

    private struct Entry: Codable {
        let key: Key
        let state: State
    }

    private struct File: Codable {
        var puts: [Entry]
        var removals: [Key]
    }

    /// The state after the batch at `time`: `update` applied to every key of the previous state (in
    /// order) and then to every new key of `newValues`, across `partitionCount` partitions; notes the
    /// changes. The previous state is `cached` (the stream's previous RDD), else the restored state,
    /// else `initialState`.
    @usableFromInline func step<Value: Sendable>(
        cached: RDD<(Key, State)>?, initialState: RDD<(Key, State)>?, newValues values: [(Key, [Value])],
        update: @escaping @Sendable ([Value], State?) -> State?, partitionCount: Int, pool: WorkerPool, at time: Timestamp
    ) -> RDD<(Key, State)> {
        let stored = cached?.collect() ?? restored.withLock { restored in
            defer { restored = nil }
            return restored
        }
        let previous = stored ?? initialState?.collect() ?? []
        let newValues = Dictionary(uniqueKeysWithValues: values)
        let previousStates = Dictionary(previous, uniquingKeysWith: { _, last in last })
        let keys = previous.map(\.0) + values.map(\.0).filter { previousStates[$0] == nil }
        let isEqual = stored == nil ? nil : isEqual
        let results = pool.map(RDD(keys, partitionCount: partitionCount, pool: pool).partitions) { keys in
            var kept: [(Key, State)] = []
            var changes = Changes()
            for key in keys {
                let before = previousStates[key]
                guard let after = update(newValues[key] ?? [], before) else {
                    if before != nil { changes.removals.append(key) }
                    continue
                }
                kept.append((key, after))
                if let before, let isEqual, isEqual(before, after) { continue }
                changes.puts.append((key, after))
            }
            return (kept: kept, changes: changes)
        }
        let changes = Changes(puts: results.flatMap(\.changes.puts), removals: results.flatMap(\.changes.removals))
        let state = RDD(partitions: results.map(\.kept), pool: pool)
        latest.withLock { $0 = (time, state, changes) }
        return state
    }

    /// How the checkpoint restores, writes and snapshots this state. A batch time that is not one of
    /// the stream's (a stream sliding by more than one batch) changes nothing, and its snapshot is the
    /// state of the stream's latest batch (or the restored state, before the first).
    @usableFromInline func registration() -> StatefulRegistration {
        StatefulRegistration(
            operation: "updateStateByKey",
            fingerprint: "updateStateByKey(\(Key.self) → \(State.self))",
            restore: { [self] files in try restore(from: files) },
            delta: { [self] time in try encodedChanges(at: time) },
            snapshot: { [self] _ in
                let latestState = latest.withLock { $0?.state }
                let restoredState = restored.withLock { $0 }
                return { [self] in try encodedSnapshot(latestState?.collect() ?? restoredState ?? []) }
            })
    }

    /// The changes of the batch at `time`, as a delta file's content.
    func encodedChanges(at time: Timestamp) throws -> [UInt8] {
        let changes = latest.withLock { latest in latest?.time == time ? latest?.changes : nil } ?? Changes()
        return try encode(File(puts: changes.puts.map { Entry(key: $0.0, state: $0.1) }, removals: changes.removals))
    }

    /// `state` as a snapshot file's content.
    func encodedSnapshot(_ state: [(Key, State)]) throws -> [UInt8] {
        try encode(File(puts: state.map { Entry(key: $0.0, state: $0.1) }, removals: []))
    }

    /// Makes the state the one `files` make (a snapshot, then deltas, in order), for the first step to
    /// start from; none when they put and remove nothing. A file that does not decode is an error naming it.
    func restore(from files: [StateFile]) throws {
        var keys: [Key] = []
        var states: [State?] = []
        var positions: [Key: Int] = [:]
        var isEmpty = true
        for file in files {
            let content: File
            do {
                content = try JSONDecoder().decode(File.self, from: Data(file.payload))
            } catch {
                throw DStreamError.stateRestoreFailed(path: file.path, reason: "\(error)")
            }
            isEmpty = isEmpty && content.puts.isEmpty && content.removals.isEmpty
            for entry in content.puts {
                if let position = positions[entry.key] {
                    states[position] = entry.state
                } else {
                    positions[entry.key] = keys.count
                    keys.append(entry.key)
                    states.append(entry.state)
                }
            }
            for key in content.removals {
                if let position = positions.removeValue(forKey: key) { states[position] = nil }
            }
        }
        let state = zip(keys, states).compactMap { key, state in state.map { (key, $0) } }
        restored.withLock { $0 = isEmpty ? nil : state }
    }

    private func encode(_ file: File) throws -> [UInt8] {
        [UInt8](try JSONEncoder().encode(file))
    }

    /// `==` of `State` if it is `Equatable`, else nil.
    private static func equality() -> (@Sendable (State, State) -> Bool)? {
        guard let equatable = State.self as? any (Equatable & SendableMetatype).Type else { return nil }
        return equality(of: equatable)
    }

    private static func equality<Equatable: Swift.Equatable & SendableMetatype>(of _: Equatable.Type) -> @Sendable (State, State) -> Bool {
        { lhs, rhs in (lhs as? Equatable) == (rhs as? Equatable) }
    }
}
