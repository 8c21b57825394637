/// Decides how a query restarts from what its offset and commit logs hold: a pure function of the
/// files' states, so every combination of present, absent and damaged files can be tested.
///
/// The protocol it assumes (per batch N): `offsets/N` is written before batch N runs, and only once
/// batch N − 1's sink and state are durable; `commits/N` is written after its sink committed, off the
/// critical path, so it may lag: only the latest batch's commit decides whether that batch runs again.
public enum RecoveryPlanner {
    /// The state of one log file as found on disk.
    public enum FileState: Sendable, Equatable {
        case valid
        case corrupt(reason: String)
    }

    /// What to do on start.
    public enum Decision: Sendable, Equatable {
        /// Nothing was checkpointed: start at batch 0.
        case fresh
        /// Batch N has offsets but no (usable) commit: run it again with exactly those offsets.
        case rerun(BatchID)
        /// Batch N is committed: continue with N + 1.
        case resumeAfter(BatchID)
        /// The logs cannot be trusted: refuse to start, naming the file and why.
        case refuse(path: String, reason: String)
    }

    /// The decision, plus notes on what was recovered from (to log on start).
    public static func decide(offsets: [BatchID: FileState], commits: [BatchID: FileState],
                              offsetsPath: (BatchID) -> String, commitsPath: (BatchID) -> String) -> (decision: Decision, notes: [String]) {
        guard let latest = offsets.keys.max() else {
            if let stray = commits.keys.max() {
                return (.refuse(path: commitsPath(stray), reason: "a commit without any offsets; this is not the checkpoint of this query, or its offsets were deleted"), [])
            }
            return (.fresh, [])
        }
        if let stray = commits.keys.filter({ $0 > latest }).max() {
            return (.refuse(path: commitsPath(stray), reason: "batch \(stray) is committed but has no offsets (latest offsets: batch \(latest))"), [])
        }
        if case .corrupt(let reason) = offsets[latest] {
            return (.refuse(path: offsetsPath(latest), reason: "\(reason); batch \(latest) may have reached the sink, so its input cannot be chosen again safely"), [])
        }
        let skipped = passedOver(offsets: offsets, latest: latest, offsetsPath: offsetsPath)
        switch commits[latest] {
        case .valid:
            return (.resumeAfter(latest), skipped)
        case .corrupt(let reason):
            return (.rerun(latest), skipped + ["\(commitsPath(latest)): \(reason); batch \(latest) is run again with its recorded offsets (sinks are idempotent per batch id) and its commit rewritten"])
        case nil:
            let previous = BatchID(latest.rawValue - 1)
            if latest.rawValue > 0, offsets[previous] != nil, commits[previous] == nil {
                return (.rerun(latest), skipped + ["\(commitsPath(previous)) was not written before the crash (commits are written in the background); batch \(previous) finished before \(offsetsPath(latest)) was written, so only batch \(latest) runs again"])
            }
            return (.rerun(latest), skipped)
        }
    }

    /// One note per offsets file before `latest` that is damaged, or missing between the oldest and
    /// the latest (purges delete the oldest first, so a gap is never left by a crash). A restart needs
    /// only the latest offsets; the older ones tell an input what earlier batches read, and an input
    /// that needs what a passed-over file said refuses to start itself (the file source does).
    private static func passedOver(offsets: [BatchID: FileState], latest: BatchID, offsetsPath: (BatchID) -> String) -> [String] {
        let usage = "passed over: batch \(latest)'s offsets say where each input stands"
        let batches = offsets.keys.sorted()
        var notes: [String] = []
        for (batch, next) in zip(batches, batches.dropFirst()) {
            if case .corrupt(let reason) = offsets[batch] { notes.append("\(offsetsPath(batch)): \(reason); \(usage)") }
            guard next.rawValue > batch.rawValue + 1 else { continue }
            let first = BatchID(batch.rawValue + 1), last = BatchID(next.rawValue - 1)
            let missing = first == last ? offsetsPath(first) : "\(offsetsPath(first))…\(last)"
            notes.append("\(missing): missing between batches \(batch) and \(next); \(usage)")
        }
        return notes
    }
}
