import Foundation
import SluiceCore
import Synchronization

/// A DStream program's side of the checkpoint protocol (`CheckpointCoordinator`): on start it takes the
/// checkpoint, positions the inputs, restores the state, rebuilds the windows' earlier input and runs
/// again the batch a crash left uncommitted; then it makes each batch durable in two fsync rounds
/// (`DStreamCheckpoint+Batch.swift`).
///
/// Layout, as the coordinator builds it: `offsets/N` (each input's range and the batch time),
/// `commits/N`, `sources/<input>/` (an input's own log), and `state/<stream>/0/<version>.delta` and
/// `.snapshot` for the `updateStateByKey` streams, numbered in definition order.
///
/// Batch times: batch N runs at zero time + (N + 1) × batch interval, since every batch time gets a
/// batch; a restart reads the zero time back from the last recorded batch and goes on after it.
final class DStreamCheckpoint: Sendable {
    let coordinator: CheckpointCoordinator
    let program: CheckpointedProgram
    /// One store per stateful stream, in definition order.
    let stores: [VersionedStateStore]
    /// What commit times are read from.
    let clock: any StreamingClock
    /// The last batch recorded before this start (the batch to run again, or the last committed one).
    private let lastRecorded: (batch: BatchID, entry: OffsetsEntry)?
    /// The batches before the first one this start runs whose input the windows still cover, oldest first.
    private let windowed: [(batch: BatchID, entry: OffsetsEntry)]
    /// A fault that tests make a batch throw at, as if the process died there.
    let simulatedFault: FaultPlan?
    let progress: Mutex<Progress>

    struct Progress {
        /// Per input, where the last batch that ran ended.
        var lastEnds: [SourceOffset?]
    }

    /// Takes the checkpoint at `directory` for `program`: refuses a retention too short for its
    /// windows, a program that differs from the checkpoint's, or a checkpoint in use; then positions
    /// each replayable input (`Recovery.resumePosition(of:)`) and restores the state of the last committed batch.
    init(directory: String, options: CheckpointCoordinator.Options, program: CheckpointedProgram,
         clock: any StreamingClock, simulatedFault: FaultPlan? = nil) throws {
        try program.checkRetention(of: options.retainedBatches)
        let query = CheckpointMetadata(id: UUID().uuidString.lowercased(), fingerprint: program.fingerprint)
        let coordinator = try CheckpointCoordinator(directory: directory, query: query, inputCount: program.inputs.count, options: options)
        self.coordinator = coordinator
        self.program = program
        self.clock = clock
        self.simulatedFault = simulatedFault
        let recovery = coordinator.recovery
        progress = Mutex(Progress(lastEnds: recovery.lastEnds))
        stores = program.stateful.indices.map { coordinator.stateStore(operator: $0, partition: 0) }
        do {
            let log = MetadataLog<OffsetsEntry>(directory: coordinator.paths.offsets)
            let first = recovery.rerun?.batch ?? recovery.nextBatch
            lastRecorded = try recovery.rerun
                ?? (first.rawValue > 0 ? Self.entry(of: BatchID(first.rawValue - 1), in: log, neededFor: "the batch times of batch \(first)") : nil)
            let windowSpan = program.lookback.microseconds / program.batchInterval.microseconds
            windowed = try (max(0, first.rawValue - windowSpan) ..< first.rawValue).map { raw in
                try Self.entry(of: BatchID(raw), in: log, neededFor: "the windows of batch \(first)")
            }
            warnAboutUnreplayableSources()
            for (index, input) in program.inputs.enumerated() {
                try (input as? any ReplayableInput)?.resume(after: recovery.resumePosition(of: index), history: recovery.history[index],
                                                             log: coordinator.paths.source(index))
            }
            try restoreState(version: recovery.stateVersion)
        } catch {
            coordinator.abandon()
            throw error
        }
        noteDownTime()
    }

    /// The id the driver's first batch gets.
    var firstBatch: BatchID { coordinator.recovery.nextBatch }

    /// The time of the last batch recorded before this start; nil on a fresh checkpoint.
    var lastBatchTime: Timestamp? { lastRecorded.map { Timestamp(microseconds: $0.entry.batchTime) } }

    /// The program's time zero, read back from the last recorded batch; nil on a fresh checkpoint.
    var zeroTime: Timestamp? {
        lastRecorded.map { last in
            Timestamp(microseconds: last.entry.batchTime) - program.batchInterval * Int(last.batch.rawValue + 1)
        }
    }

    /// The batches before the first one this start runs whose input a window still covers, oldest
    /// first, with exactly their recorded data: `DStreamGraph.rebuild` fills the input streams with them.
    /// An input that cannot read a batch again (in-process producers keep nothing across a restart)
    /// leaves it empty, with a note: the windows after the restart miss those rows.
    func batchesToRebuild() throws -> [MicroBatch] {
        try windowed.map { try replay($0.batch, $0.entry, isRerun: false) }
    }

    /// The batch a crash left without a commit, with exactly its recorded data and time; nil when none.
    func uncommittedBatch() throws -> MicroBatch? {
        guard let (batch, entry) = coordinator.recovery.rerun else { return nil }
        return try replay(batch, entry, isRerun: true)
    }

    /// Finishes the background writes and releases the checkpoint; rethrows a background failure.
    func close() throws { try coordinator.close() }

    /// Releases the checkpoint after a failure.
    func abandon() { coordinator.abandon() }

    /// Batch `batch` as `entry` recorded it: each replayable input's range read again, the other inputs
    /// empty (with a note when the batch runs again, since their rows are lost).
    private func replay(_ batch: BatchID, _ entry: OffsetsEntry, isRerun: Bool) throws -> MicroBatch {
        let slices = try program.inputs.enumerated().map { index, input -> InputSlice in
            guard let range = entry.sources[index] else {
                if isRerun { note("batch \(batch) of input '\(input.name)' cannot be replayed; it runs again without its rows") }
                return InputSlice()
            }
            guard let replayable = input as? any ReplayableInput else {
                throw ReplayError(input: input.name, message: "batch \(batch) is read again from its recorded offsets, but the input cannot replay")
            }
            do {
                var slice = try replayable.replay(from: range.start, to: range.end)
                slice.end = range.end
                return slice
            } catch let error as ReplayError where !isRerun {
                note("\(error); the windows after the restart miss the rows of batch \(batch)")
                return InputSlice(end: range.end)
            }
        }
        return MicroBatch(id: batch, time: Timestamp(microseconds: entry.batchTime), inputs: slices)
    }

    /// Says how many batch times passed while the program was down: they all get a batch at once.
    private func noteDownTime() {
        guard let last = lastBatchTime else { return }
        let missed = (clock.now - last).microseconds / program.batchInterval.microseconds
        guard missed > 0 else { return }
        note("\(missed) batch time(s) passed since the last recorded batch (\(last)); their batches run at once, "
            + "the first with what arrived meanwhile")
    }

    /// Sends `text` to the options' log, naming the checkpoint.
    private func note(_ text: String) {
        coordinator.options.log("checkpoint \(coordinator.paths.root): \(text)")
    }

    /// Warns, once per start, about each input whose records a crash can lose.
    private func warnAboutUnreplayableSources() {
        let names = program.inputs.filter { !($0 is any ReplayableInput) }.map(\.name) + program.unreplayableSources
        for name in names {
            note("input '\(name)' cannot replay its data, so records it delivered to a batch that a crash kept from committing "
                + "are lost (at most once for this input); use a file or replayable producer input for exactly once")
        }
    }

    /// Replaces every stateful stream's state with `version` from its store.
    private func restoreState(version: Int64) throws {
        for (registration, store) in zip(program.stateful, stores) {
            let chain = try store.load(version: version)
            for text in chain.notes { note(text) }
            let files = (chain.snapshot.map { [StateFile(path: "\(store.directory)/\($0.version).snapshot", payload: $0.payload)] } ?? [])
                + chain.deltas.map { StateFile(path: "\(store.directory)/\($0.version).delta", payload: $0.payload) }
            try registration.restore(files)
        }
    }

    /// The entry of `batch` in `log`; throws naming the file if it is missing or damaged, saying what
    /// needs it.
    private static func entry(of batch: BatchID, in log: MetadataLog<OffsetsEntry>,
                              neededFor need: String) throws -> (batch: BatchID, entry: OffsetsEntry) {
        guard let entry = try log.get(batch) else {
            throw CheckpointError.corrupt(path: log.path(of: batch), reason: "missing: \(need) need it")
        }
        return (batch, entry)
    }
}
