import SluiceCore

/// The per-batch protocol (see `CheckpointCoordinator`): for batch N,
/// 1. `offsets/N` — each input's range since the previous batch, and the batch time — then the fault
///    point `afterOffsets`;
/// 2. the batch is computed; its outputs run on the batch's thread while state version N + 1 (the
///    changes of batch N) is written on the checkpoint's state writer, followed by the fault point
///    `afterState`;
/// 3. once both are done, the fault point `afterSinkCommit`;
/// 4. in the background: `commits/N`, the inputs' own commit, a state snapshot when one is due, and the
///    purge of what the retention no longer needs.
extension DStreamCheckpoint {
    /// Writes `offsets/N` for a batch the driver cut: the first fsync round.
    func recordOffsets(of batch: MicroBatch) throws {
        let lastEnds = progress.withLock { $0.lastEnds }
        let ranges = batch.inputs.enumerated().map { index, slice in
            slice.end.map { SourceRange(start: lastEnds[index], end: $0) }
        }
        try coordinator.writeOffsets(OffsetsEntry(batchTime: batch.time.microseconds, sources: ranges), for: batch.id)
        try reach(.afterOffsets, batch: batch.id)
    }

    /// Starts writing state version N + 1 of every stateful stream on the checkpoint's state writer, to
    /// run beside the outputs (the second fsync round); returns that writer, whose `wait()` collects the
    /// write, or nil when the program keeps no state.
    func writeState(of batch: MicroBatch) -> SerialWorker? {
        guard !stores.isEmpty else { return nil }
        let version = batch.id.rawValue + 1
        coordinator.stateWriter.start { [self] in
            for (registration, store) in zip(program.stateful, stores) {
                try store.commit(version: version, delta: try registration.delta(batch.time), snapshot: nil)
            }
            try reach(.afterState, batch: batch.id)
        }
        return coordinator.stateWriter
    }

    /// Dies here if `SLUICE_FAULT` names `point` in `batch`; throws `SimulatedFault` if the tests' plan does.
    func reach(_ point: FaultPoint, batch: BatchID) throws {
        FaultInjector.process.reach(point, batch: batch)
        let plan = FaultPlan(point: point, batch: batch)
        if simulatedFault == plan { throw SimulatedFault(plan: plan) }
    }

    /// Queues what follows batch N's outputs and state on the background writer: `commits/N`, the
    /// inputs' commit through the batch's ends, a snapshot of the state when one is due, and the purge
    /// of state versions no restart can need.
    func commit(_ batch: MicroBatch) throws {
        let ends = batch.inputs.map(\.end)
        progress.withLock { progress in
            for (index, end) in ends.enumerated() where end != nil { progress.lastEnds[index] = end }
        }
        let version = batch.id.rawValue + 1
        let snapshots = zip(program.stateful, stores).compactMap { registration, store -> (@Sendable () throws -> Void)? in
            guard store.needsSnapshot(version: version) else { return nil }
            let encode = registration.snapshot(batch.time)
            return { try store.writeSnapshot(version: version, payload: try encode()) }
        }
        let oldestVersion = coordinator.oldestRetainedVersion(after: batch.id)
        try coordinator.commitInBackground(batch.id, committedAt: clock.now) { [program, stores] in
            for (input, end) in zip(program.inputs, ends) {
                if let end, let replayable = input as? any ReplayableInput { try replayable.commit(through: end) }
            }
            for write in snapshots { try write() }
            for store in stores { store.purge(keepingFrom: oldestVersion) }
        }
    }
}

/// The error a test's fault plan throws where `SLUICE_FAULT` would kill the process.
struct SimulatedFault: Error, Equatable, CustomStringConvertible {
    let plan: FaultPlan

    var description: String { "simulated fault \(plan)" }
}
