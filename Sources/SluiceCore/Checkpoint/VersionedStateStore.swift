import Foundation

/// One stateful operator partition's state, versioned by batch: version N + 1 is version N plus the
/// changes of batch N. Each commit writes the version's delta; every `snapshotInterval` versions the
/// whole state is written too (by `commit`, or by a caller that snapshots in the background through
/// `writeSnapshot`), so a restart reads the newest snapshot at or below the wanted version and about
/// `snapshotInterval` deltas after it at most.
///
/// The store holds payloads, not state: the operator encodes its deltas and snapshots (with
/// `RecordBatchCodec`, say) and applies what `load(version:)` returns. Version 0 is the empty state.
///
/// Layout in `directory`: `<version>.delta` and `<version>.snapshot`, each a `CheckpointFile` written
/// with `DurableFile`, and for a moment `<version>.snapshot.<random>.sluice-tmp` while a snapshot is
/// written; a crash there (`FaultPoint.duringSnapshot`) leaves that temporary file, which loading
/// ignores and `removeTemporaryFiles()` deletes. With `temporaryFiles`, a delta is written through an
/// empty `prepared-<random>.sluice-tmp` file made ready in the background, which loading ignores too.
public struct VersionedStateStore: Sendable {
    public let directory: String
    public let snapshotInterval: Int
    /// Kills the process during a snapshot write when its plan says so.
    public let faults: FaultInjector
    /// Where a delta's write takes its temporary file from when one is ready; nil to always create one.
    public let temporaryFiles: PreparedTemporaryFiles?

    public init(directory: String, snapshotInterval: Int = 10, faults: FaultInjector = .process, temporaryFiles: PreparedTemporaryFiles? = nil) {
        precondition(snapshotInterval >= 1, "VersionedStateStore: snapshotInterval must be at least 1")
        self.directory = directory
        self.snapshotInterval = snapshotInterval
        self.faults = faults
        self.temporaryFiles = temporaryFiles
    }

    /// Whether committing `version` writes a snapshot (when the caller gives one).
    public func needsSnapshot(version: Int64) -> Bool {
        version % Int64(snapshotInterval) == 0
    }

    /// Writes `delta`, the changes from version `version − 1`, as `<version>.delta`; then, when
    /// `needsSnapshot(version:)` and `snapshot` is given, the whole state it returns as
    /// `<version>.snapshot` (the closure is called only then).
    public func commit(version: Int64, delta: [UInt8], snapshot: (() -> [UInt8])?) throws(CheckpointError) {
        precondition(version >= 1, "VersionedStateStore: version \(version) committed; version 0 is the empty state")
        try createDirectory()
        try write(delta, to: path(version, .delta), prepared: temporaryFiles?.take(in: directory))
        guard let snapshot, needsSnapshot(version: version) else { return }
        try writeSnapshot(version: version, payload: snapshot())
    }

    /// Writes `payload`, the whole state at `version`, as `<version>.snapshot`, whatever the interval
    /// says: for a caller that decides itself when to snapshot (in the background, say). Loading uses
    /// any snapshot, not only those at multiples of the interval. A plan of `during-snapshot` at batch
    /// `version − 1` kills the process once the temporary file is complete and before its rename.
    public func writeSnapshot(version: Int64, payload: [UInt8]) throws(CheckpointError) {
        precondition(version >= 1, "VersionedStateStore: snapshot of version \(version); version 0 is the empty state")
        try createDirectory()
        try write(payload, to: path(version, .snapshot)) { _ in
            faults.reach(.duringSnapshot, batch: BatchID(version - 1))
        }
    }

    /// Deletes files no longer needed to load any version at or above `version`: the deltas up to the
    /// newest snapshot at or below it, and older snapshots. Returns how many it deleted. Below version 1
    /// no snapshot can exist, so it returns at once; otherwise it lists the directory once.
    @discardableResult
    public func purge(keepingFrom version: Int64) -> Int {
        guard version >= 1 else { return 0 }
        let names = listing()
        guard let base = versions(of: .snapshot, in: names).last(where: { $0 <= version }) else { return 0 }
        let obsolete = versions(of: .delta, in: names).filter { $0 <= base }.map { path($0, .delta) }
            + versions(of: .snapshot, in: names).filter { $0 < base }.map { path($0, .snapshot) }
        return obsolete.count { (try? FileManager.default.removeItem(atPath: $0)) != nil }
    }

    /// Deletes the temporary files writers killed before their rename left behind; returns how many.
    @discardableResult
    public func removeTemporaryFiles() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(DurableFile.temporarySuffix) }
            .count { (try? FileManager.default.removeItem(atPath: "\(directory)/\($0)")) != nil }
    }

    /// The two kinds of state file.
    enum Kind: String {
        case delta, snapshot
    }

    /// The path of `version`'s file of `kind`.
    func path(_ version: Int64, _ kind: Kind) -> String { "\(directory)/\(version).\(kind.rawValue)" }

    /// The versions that have a file of `kind`, ascending.
    func versions(of kind: Kind) -> [Int64] {
        versions(of: kind, in: listing())
    }

    /// The names in the directory; empty when it does not exist.
    private func listing() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    /// The versions among `names` that have a file of `kind`, ascending.
    private func versions(of kind: Kind, in names: [String]) -> [Int64] {
        let suffix = "." + kind.rawValue
        return names.compactMap { name in name.hasSuffix(suffix) ? Int64(name.dropLast(suffix.count)) : nil }.sorted()
    }

    private func createDirectory() throws(CheckpointError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create the state directory: \(error)")
        }
    }

    private func write(_ payload: [UInt8], to path: String, prepared: String? = nil, beforeRename: (String) -> Void = { _ in }) throws(CheckpointError) {
        do {
            try DurableFile.write(CheckpointFile.encode(payload), to: path, prepared: prepared, beforeRename: beforeRename)
        } catch {
            throw .io(path: path, reason: "\(error)")
        }
    }
}
