import Foundation
import Synchronization

/// The checkpoint of one running job, as the batch loop uses it: taken under a lock, checked against
/// the job's plan, read into a recovery plan on start, then written batch by batch.
///
/// Write protocol per batch N (the fsync rounds on the critical path are marked):
/// 1. `offsets/N` — round one; written only after batch N − 1's sink and state are durable.
/// 2. the batch runs; its sink transaction and its state version are made durable side by side — round two.
/// 3. `commits/N`, the inputs' own logs and the purge of old versions run in the background, since a
///    restart that finds no `commits/N` only runs batch N again, which the sinks recognise by its id.
///
/// To keep the two rounds free of other waits, the state delta is written on `stateWriter`, one thread
/// for the checkpoint's life, and the background writer keeps empty temporary files ready
/// (`temporaryFiles`) in `offsets/` and in each state directory, so the two durable writes need not
/// create a file.
public final class CheckpointCoordinator: Sendable {
    /// How much history a checkpoint keeps and how its state is written.
    public struct Options: Sendable {
        /// Batches whose offsets, commits and state versions are kept (Spark's `minBatchesToRetain`).
        public var retainedBatches: Int
        /// A full state snapshot every this many versions; deltas in between.
        public var snapshotInterval: Int
        /// Where start-up notes go (recoveries, removed temporary files).
        public var log: @Sendable (String) -> Void

        public init(retainedBatches: Int = 100, snapshotInterval: Int = 10,
                    log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("sluice: \($0)\n".utf8)) }) {
            precondition(retainedBatches >= 2, "CheckpointCoordinator: retainedBatches must be at least 2")
            precondition(snapshotInterval >= 1, "CheckpointCoordinator: snapshotInterval must be at least 1")
            self.retainedBatches = retainedBatches
            self.snapshotInterval = snapshotInterval
            self.log = log
        }
    }

    /// Where a job starts from.
    public struct Recovery: Sendable {
        /// The batch to run again first, with its recorded offsets (no commit was found for it).
        public let rerun: (batch: BatchID, entry: OffsetsEntry)?
        /// The id of the first batch the trigger cuts.
        public let nextBatch: BatchID
        /// Per input, the end offset of the last batch that ran (the rerun batch included).
        public let lastEnds: [SourceOffset?]
        /// Per input, the end offsets of every batch still in the offsets log, oldest first.
        public let history: [[SourceOffset]]
        /// The state version the first batch starts from (the state after batch `version − 1`).
        public let stateVersion: Int64

        /// Where input `index` resumes: after the last batch that ran, or, when that batch runs again and
        /// the input recorded its range, after the batch before it, the re-run's replay then taking the
        /// input past it (in-process producers can give the batch again only as rows sent anew, which a
        /// position already past them would drop).
        public func resumePosition(of index: Int) -> SourceOffset? {
            guard let range = rerun?.entry.sources[index] else { return lastEnds[index] }
            return range.start
        }
    }

    public let paths: CheckpointPaths
    public let options: Options
    /// The metadata in force: the checkpoint's query id with the running query's fingerprint.
    public let metadata: CheckpointMetadata
    public let recovery: Recovery
    /// What start-up found and did, also sent to `options.log`.
    public let notes: [String]
    private let lock: CheckpointLock
    private let offsetsLog: MetadataLog<OffsetsEntry>
    private let commitsLog: MetadataLog<CommitEntry>
    private let background = BackgroundWriter()
    /// Temporary files prepared in the background for the durable writes on the batch's path.
    public let temporaryFiles = PreparedTemporaryFiles()
    /// The thread that writes each batch's state delta beside its outputs.
    public let stateWriter = SerialWorker(name: "sluice-state-writer")
    /// Every offsets and commits file older than this batch id is deleted already.
    private let purgedBefore: Mutex<Int64>

    /// Takes the checkpoint at `directory` for a job with `inputCount` inputs: locks it, removes the
    /// temporary files killed writers left, checks that `query` may continue it, and decides where to
    /// start. Throws naming the file and the problem when the checkpoint cannot be used.
    public init(directory: String, query: CheckpointMetadata, inputCount: Int, options: Options = Options()) throws(CheckpointError) {
        let paths = CheckpointPaths(root: directory)
        self.paths = paths
        self.options = options
        self.lock = try CheckpointLock(directory: directory)
        var notes: [String] = []
        do throws(CheckpointError) {
            let removed = Self.removeTemporaryFiles(under: directory)
            if !removed.isEmpty {
                notes.append("removed \(removed.count) temporary file(s) left by a writer that died before renaming: \(removed.prefix(5).joined(separator: ", "))\(removed.count > 5 ? ", …" : "")")
            }
            if let existing = try CheckpointMetadata.read(paths.metadata) {
                try existing.checkCompatible(with: query, path: paths.metadata)
                metadata = CheckpointMetadata(id: existing.id, fingerprint: query.fingerprint)
            } else {
                if let written = Self.writtenParts(of: paths) {
                    throw .corrupt(path: paths.metadata, reason: "missing, but the checkpoint has \(written): the query id and the plan "
                        + "they were written by cannot be checked, so they cannot be continued safely; restore the file, or use a new checkpoint location to start over")
                }
                metadata = query
                try metadata.write(to: paths.metadata)
            }
            offsetsLog = MetadataLog(directory: paths.offsets, temporaryFiles: temporaryFiles)
            commitsLog = MetadataLog(directory: paths.commits)
            if offsetsLog.batches().isEmpty, commitsLog.batches().isEmpty, let written = Self.writtenParts(of: paths, committedOnly: true) {
                throw .corrupt(path: paths.offsets, reason: "missing: the checkpoint has \(written) of committed batches but no offsets or commits, "
                    + "so batch ids would start again at 0 over them; restore the offsets, or use a new checkpoint location to start over")
            }
            let planned = try Self.plan(offsets: offsetsLog, commits: commitsLog, inputCount: inputCount)
            recovery = planned.recovery
            notes += planned.notes
            let oldest = [offsetsLog.batches().first, commitsLog.batches().first].compactMap { $0?.rawValue }.min()
            purgedBefore = Mutex(oldest ?? recovery.nextBatch.rawValue)
        } catch {
            lock.release()
            throw error
        }
        self.notes = notes
        for note in notes { options.log("checkpoint \(directory): \(note)") }
        prepareTemporaryFiles(in: paths.offsets)
    }

    /// The store of one operator partition's state versions, writing its deltas into temporary files
    /// this checkpoint prepares in the background.
    public func stateStore(operator operatorID: Int, partition: Int) -> VersionedStateStore {
        let store = VersionedStateStore(directory: paths.state(operator: operatorID, partition: partition),
                                        snapshotInterval: options.snapshotInterval, temporaryFiles: temporaryFiles)
        prepareTemporaryFiles(in: store.directory)
        return store
    }

    /// Keeps temporary files ready in `directory` from now on, the first ones created in the background.
    private func prepareTemporaryFiles(in directory: String) {
        temporaryFiles.serve(directory)
        try? background.submit("prepare temporary files") { [temporaryFiles] in temporaryFiles.refill() }
    }

    /// Writes `offsets/N` durably: the first fsync round of batch N.
    public func writeOffsets(_ entry: OffsetsEntry, for batch: BatchID) throws(CheckpointError) {
        try offsetsLog.add(entry, for: batch)
    }

    /// Queues `commits/N` and then `afterCommit` (the inputs' logs, purging old state) on the background
    /// writer, followed by the purge of offsets and commits older than the retention and the refill of
    /// the prepared temporary files; an earlier failure of that work is rethrown here. Batches are
    /// committed one by one in order (never coalesced), so an input's log always covers a batch before
    /// that batch's offsets can be purged.
    public func commitInBackground(_ batch: BatchID, committedAt time: Timestamp, afterCommit: @escaping @Sendable () throws -> Void) throws {
        let retained = Int64(options.retainedBatches)
        try background.submit("commit \(batch)") { [self] in
            try commitsLog.add(CommitEntry(committedAt: time.microseconds), for: batch)
            try afterCommit()
            purgeLogs(before: batch.rawValue - retained + 1)
            temporaryFiles.refill()
        }
    }

    /// Deletes the offsets and commits files before batch `oldest` by name: only the ids between the
    /// previous purge (or the oldest file found at start) and `oldest`, without listing the directories,
    /// and nothing at all until the retention is reached.
    private func purgeLogs(before oldest: Int64) {
        let due = purgedBefore.withLock { purged -> Range<Int64>? in
            guard oldest > purged else { return nil }
            defer { purged = oldest }
            return purged ..< oldest
        }
        guard let due else { return }
        offsetsLog.remove(due)
        commitsLog.remove(due)
    }

    /// The oldest batch whose state version a restart may still need, given the retention.
    public func oldestRetainedVersion(after batch: BatchID) -> Int64 {
        max(0, batch.rawValue + 1 - Int64(options.retainedBatches) + 1)
    }

    /// Finishes the background writes and releases the lock; rethrows a background failure.
    public func close() throws {
        defer { release() }
        try background.close()
    }

    /// Releases the lock after the queued background writes, ignoring their failures (a job stopped by an error).
    public func abandon() {
        try? background.close()
        release()
    }

    /// Ends the state writer's thread, deletes the unused prepared files and releases the lock.
    private func release() {
        stateWriter.stop()
        temporaryFiles.removeAll()
        lock.release()
    }

    private static func plan(offsets: MetadataLog<OffsetsEntry>, commits: MetadataLog<CommitEntry>,
                             inputCount: Int) throws(CheckpointError) -> (recovery: Recovery, notes: [String]) {
        var offsetStates: [BatchID: RecoveryPlanner.FileState] = [:]
        var entries: [BatchID: OffsetsEntry] = [:]
        for batch in offsets.batches() {
            do {
                entries[batch] = try offsets.get(batch)
                offsetStates[batch] = .valid
            } catch {
                offsetStates[batch] = .corrupt(reason: Self.reason(error))
            }
        }
        var commitStates: [BatchID: RecoveryPlanner.FileState] = [:]
        for batch in commits.batches() {
            do {
                _ = try commits.get(batch)
                commitStates[batch] = .valid
            } catch {
                commitStates[batch] = .corrupt(reason: Self.reason(error))
            }
        }
        let (decision, notes) = RecoveryPlanner.decide(offsets: offsetStates, commits: commitStates,
                                                       offsetsPath: offsets.path(of:), commitsPath: commits.path(of:))
        let ordered = entries.keys.sorted().map { entries[$0]! }
        for entry in ordered where entry.sources.count != inputCount {
            throw .incompatible(path: offsets.directory, changes: ["inputs changed: the checkpoint's batches read \(entry.sources.count) input(s), this query has \(inputCount)"])
        }
        let history = (0 ..< inputCount).map { index in ordered.compactMap { $0.sources[index]?.end } }
        func lastEnds(through batch: BatchID) -> [SourceOffset?] {
            (0 ..< inputCount).map { index in
                entries.keys.filter { $0 <= batch }.sorted().reversed().lazy.compactMap { entries[$0]!.sources[index]?.end }.first
            }
        }
        switch decision {
        case .fresh:
            return (Recovery(rerun: nil, nextBatch: BatchID(0), lastEnds: Array(repeating: nil, count: inputCount),
                             history: Array(repeating: [], count: inputCount), stateVersion: 0), notes)
        case .rerun(let batch):
            return (Recovery(rerun: (batch, entries[batch]!), nextBatch: batch.next, lastEnds: lastEnds(through: batch),
                             history: history, stateVersion: batch.rawValue), notes + ["batch \(batch) has offsets but no commit: running it again with its recorded offsets"])
        case .resumeAfter(let batch):
            return (Recovery(rerun: nil, nextBatch: batch.next, lastEnds: lastEnds(through: batch),
                             history: history, stateVersion: batch.rawValue + 1), notes)
        case .refuse(let path, let reason):
            throw .corrupt(path: path, reason: reason)
        }
    }

    private static func reason(_ error: CheckpointError) -> String {
        switch error {
        case .corrupt(_, let reason), .io(_, let reason): reason
        case .incompatible(_, let changes): changes.joined(separator: "; ")
        }
    }

    /// What a checkpoint without `metadata` holds that only a started query writes (`metadata` is
    /// written before any of it), as text such as `offsets (batches 2…4) and state`; nil when nothing.
    /// With `committedOnly`, only what a committed batch leaves: state versions and source-log entries
    /// other than the entry 0 a file source writes at its first start, before batch 0.
    private static func writtenParts(of paths: CheckpointPaths, committedOnly: Bool = false) -> String? {
        var parts: [String] = []
        for (name, directory) in committedOnly ? [] : [("offsets", paths.offsets), ("commits", paths.commits)] {
            let batches = MetadataLog<CommitEntry>(directory: directory).batches()
            guard let first = batches.first, let last = batches.last else { continue }
            parts.append(first == last ? "\(name) (batch \(first))" : "\(name) (batches \(first)…\(last))")
        }
        for (name, directory) in [("state", paths.root + "/state"), ("source logs", paths.root + "/sources")] {
            let files = FileManager.default.enumerator(atPath: directory)?.allObjects.compactMap { $0 as? String } ?? []
            let written = files.filter { relative in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
                return !(committedOnly && name == "source logs" && relative.split(separator: "/").last == "0")
            }
            if !written.isEmpty { parts.append(name) }
        }
        guard let last = parts.popLast() else { return nil }
        return parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last
    }

    /// Deletes every temporary file under `root`; returns their paths relative to it.
    private static func removeTemporaryFiles(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(DurableFile.temporarySuffix) else { continue }
            if (try? FileManager.default.removeItem(atPath: root + "/" + relative)) != nil { removed.append(relative) }
        }
        return removed.sorted()
    }
}

/// What `commits/N` records: when batch N's sink committed.
struct CommitEntry: Codable, Sendable {
    var committedAt: Int64
}
