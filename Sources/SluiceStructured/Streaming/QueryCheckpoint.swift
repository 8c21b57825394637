import Foundation
import SluiceCore
import Synchronization

/// Where a streaming query keeps its checkpoint and how.
public struct CheckpointSettings: Sendable {
    /// The checkpoint directory (Spark's `checkpointLocation`).
    public var location: String
    public var options: CheckpointCoordinator.Options

    public init(location: String, options: CheckpointCoordinator.Options = .init()) {
        self.location = location
        self.options = options
    }
}

/// A streaming query's side of the checkpoint protocol: restores its state and input position on
/// start, runs again the batch a crash left uncommitted, and makes each batch durable in at most two
/// fsync rounds (see `CheckpointCoordinator`).
final class QueryCheckpoint: Sendable {
    let coordinator: CheckpointCoordinator
    private let store: VersionedStateStore?
    private let input: any BatchInput
    private let replayable: (any ReplayableInput)?
    private let progress = Mutex(Progress())

    private struct Progress {
        var lastEnd: SourceOffset?
        var lastSnapshotVersion: Int64 = 0
    }

    /// Takes the checkpoint for a query and brings `executor` and `input` to where it stopped.
    init(settings: CheckpointSettings, query: CheckpointMetadata, input: any BatchInput, executor: inout StatefulExecutor) throws {
        coordinator = try CheckpointCoordinator(directory: settings.location, query: query, inputCount: 1, options: settings.options)
        self.input = input
        replayable = input as? any ReplayableInput
        let recovery = coordinator.recovery
        if replayable == nil {
            settings.options.log("checkpoint \(settings.location): source '\(input.name)' cannot replay its data, so rows it received but a crash kept from being committed are lost (at most once for this source); use a file, producer or table source for exactly once")
        }
        do {
            if executor.hasState {
                let store = coordinator.stateStore(operator: 0, partition: 0)
                let loaded = try store.load(version: recovery.stateVersion)
                for note in loaded.notes { settings.options.log("checkpoint \(settings.location): \(note)") }
                var versions: [[RecordBatch]] = []
                if let snapshot = loaded.snapshot {
                    versions.append(try RecordBatchCodec.decodeBatches(snapshot.payload, path: "\(store.directory)/\(snapshot.version).snapshot"))
                }
                for delta in loaded.deltas {
                    versions.append(try RecordBatchCodec.decodeBatches(delta.payload, path: "\(store.directory)/\(delta.version).delta"))
                }
                try executor.restore(from: versions)
                executor.recordsChanges = true
                self.store = store
                progress.withLock { $0.lastSnapshotVersion = loaded.snapshot?.version ?? 0 }
            } else {
                store = nil
            }
            try replayable?.resume(after: recovery.resumePosition(of: 0), history: recovery.history[0], log: coordinator.paths.source(0))
            progress.withLock { $0.lastEnd = recovery.lastEnds[0] }
        } catch {
            coordinator.abandon()
            throw error
        }
    }

    /// The id the trigger's first batch gets.
    var firstBatch: BatchID { coordinator.recovery.nextBatch }

    /// The batch a crash left without a commit, with exactly its recorded data; nil when there is none.
    func uncommittedBatch() throws -> MicroBatch? {
        guard let (batch, entry) = coordinator.recovery.rerun else { return nil }
        var slice = InputSlice()
        if let range = entry.sources[0] {
            guard let replayable else { throw ReplayError(input: input.name, message: "batch \(batch) must run again but the source cannot replay") }
            slice = try replayable.replay(from: range.start, to: range.end)
            slice.end = range.end
        } else {
            coordinator.options.log("checkpoint \(coordinator.paths.root): batch \(batch) of source '\(input.name)' cannot be replayed; it runs again without its rows")
        }
        return MicroBatch(id: batch, time: Timestamp(microseconds: entry.batchTime), inputs: [slice])
    }

    /// Writes `offsets/N` for a batch the trigger cut (first fsync round).
    func recordOffsets(of batch: MicroBatch) throws {
        let lastEnd = progress.withLock { $0.lastEnd }
        let range = batch.inputs[0].end.map { SourceRange(start: lastEnd, end: $0) }
        try coordinator.writeOffsets(OffsetsEntry(batchTime: batch.time.microseconds, sources: [range]), for: batch.id)
        FaultInjector.process.reach(.afterOffsets, batch: batch.id)
    }

    /// Makes batch `batch` durable: its state version beside the sink's commit (second fsync round),
    /// then the commit, the input's log, snapshots and purges in the background.
    func complete(_ batch: MicroBatch, executor: StatefulExecutor, at time: Timestamp, sink: () throws -> Void) throws {
        let version = batch.id.rawValue + 1
        if let store {
            let delta = RecordBatchCodec.encode(executor.stateDelta())
            coordinator.stateWriter.start {
                try store.commit(version: version, delta: delta, snapshot: nil)
                FaultInjector.process.reach(.afterState, batch: batch.id)
            }
        }
        let sinkError: (any Error)?
        do { try sink(); sinkError = nil } catch { sinkError = error }
        try coordinator.stateWriter.wait()
        if let sinkError { throw sinkError }
        FaultInjector.process.reach(.afterSinkCommit, batch: batch.id)
        let end = batch.inputs[0].end
        let snapshot = snapshotWork(version: version, executor: executor)
        progress.withLock { if let end { $0.lastEnd = end } }
        let oldestVersion = coordinator.oldestRetainedVersion(after: batch.id)
        try coordinator.commitInBackground(batch.id, committedAt: time) { [replayable, store] in
            if let end { try replayable?.commit(through: end) }
            try snapshot?()
            store?.purge(keepingFrom: oldestVersion)
        }
    }

    /// The background write of a full snapshot at `version`, when one is due.
    private func snapshotWork(version: Int64, executor: StatefulExecutor) -> (@Sendable () throws -> Void)? {
        guard let store else { return nil }
        let due = progress.withLock { progress -> Bool in
            guard version - progress.lastSnapshotVersion >= Int64(store.snapshotInterval) else { return false }
            progress.lastSnapshotVersion = version
            return true
        }
        guard due else { return nil }
        return { try store.writeSnapshot(version: version, payload: RecordBatchCodec.encode(executor.stateSnapshot())) }
    }

    /// Finishes background writes and releases the checkpoint.
    func close() throws { try coordinator.close() }

    /// Releases the checkpoint after a failure.
    func abandon() { coordinator.abandon() }
}
