import Foundation

/// One state file's payload and the version it belongs to.
public struct StatePayload: Sendable, Equatable {
    public let version: Int64
    public let payload: [UInt8]

    public init(version: Int64, payload: [UInt8]) {
        self.version = version
        self.payload = payload
    }
}

/// What one state version is rebuilt from: a snapshot, then each delta after it in order.
public struct StateChain: Sendable, Equatable {
    /// The newest readable snapshot at or below the version; nil to start from the empty state.
    public let snapshot: StatePayload?
    /// Every delta after the snapshot up to the version, ascending.
    public let deltas: [StatePayload]
    /// One line per damaged snapshot that was passed over, saying what replaced it; empty normally.
    public let notes: [String]
}

extension VersionedStateStore {
    /// The files that rebuild `version`: the newest snapshot at or below it and every delta after that.
    ///
    /// A missing or damaged delta in that chain is an error naming it. A damaged snapshot is passed over
    /// when an older one (or the empty state of version 0) has every delta after it up to `version`,
    /// with a note saying so; otherwise the error names the damaged snapshot.
    public func load(version: Int64) throws(CheckpointError) -> StateChain {
        var skipped: [CheckpointError] = []
        for base in versions(of: .snapshot).filter({ $0 <= version }).reversed() {
            let payload: [UInt8]
            do throws(CheckpointError) {
                payload = try read(path(base, .snapshot))
            } catch {
                skipped.append(error)
                continue
            }
            return try chain(from: StatePayload(version: base, payload: payload), through: version, skipping: skipped)
        }
        return try chain(from: nil, through: version, skipping: skipped)
    }

    /// `snapshot` and the deltas after it through `version`, noting the `skipped` snapshots' errors; when
    /// a delta is missing or damaged, the first skipped snapshot's error (or the delta's, if none was
    /// skipped).
    private func chain(from snapshot: StatePayload?, through version: Int64, skipping skipped: [CheckpointError]) throws(CheckpointError) -> StateChain {
        let base = snapshot?.version ?? 0
        var deltas: [StatePayload] = []
        do throws(CheckpointError) {
            for next in stride(from: base + 1, through: version, by: 1) {
                let deltaPath = path(next, .delta)
                guard FileManager.default.fileExists(atPath: deltaPath) else {
                    throw .corrupt(path: deltaPath, reason: "missing: state version \(version) needs every delta after snapshot \(base)")
                }
                deltas.append(StatePayload(version: next, payload: try read(deltaPath)))
            }
        } catch {
            guard let damaged = skipped.first else { throw error }
            throw damaged.appending("; no older snapshot has every delta after it to fall back to (\(error))")
        }
        let source = [snapshot.map { "\($0.version).snapshot" }, deltas.isEmpty ? nil : deltaRange(base + 1, version)]
            .compactMap(\.self).joined(separator: " and ")
        return StateChain(snapshot: snapshot, deltas: deltas, notes: skipped.map { "\($0); loaded from \(source) instead" })
    }

    private func deltaRange(_ first: Int64, _ last: Int64) -> String {
        first == last ? "delta \(first)" : "deltas \(first)…\(last)"
    }

    /// The payload of the checkpoint file at `path`.
    private func read(_ path: String) throws(CheckpointError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, reason: "cannot be read") }
        return try CheckpointFile.decode([UInt8](data), path: path)
    }
}

extension CheckpointError {
    /// The same error with `text` added to its reason (a corrupt or unreadable file; others unchanged).
    func appending(_ text: String) -> CheckpointError {
        if case .corrupt(let path, let reason) = self { return .corrupt(path: path, reason: reason + text) }
        if case .io(let path, let reason) = self { return .io(path: path, reason: reason + text) }
        return self
    }
}
