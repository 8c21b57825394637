import SluiceCore

/// What a checkpoint needs of a DStream program: its inputs, its state and its windows, and the
/// fingerprint of them that a restart must match.
struct CheckpointedProgram: Sendable {
    let batchInterval: Duration
    /// The driver's inputs, in slice order.
    let inputs: [any BatchInput]
    /// Every source in definition order: the inputs' names and the in-process streams'.
    let sources: [String]
    /// The queue and producer streams, which a restart cannot replay.
    let unreplayableSources: [String]
    /// The streams whose state the checkpoint keeps, in definition order.
    let stateful: [StatefulRegistration]
    /// Every windowed stream's window and slide, in definition order.
    let windows: [(length: Duration, slide: Duration)]
    /// How far before a batch the input that any stream computes from reaches (`DStreamNode.lookback`).
    let lookback: Duration

    /// The parts of the program a restart must keep, as readable text: what the offsets, the state and
    /// the batch times of the checkpoint mean depends on them.
    var fingerprint: [String: String] {
        func list(_ items: [String]) -> String { items.isEmpty ? "(none)" : items.joined(separator: "; ") }
        return [
            "batch interval": "\(batchInterval.milliseconds) ms",
            "inputs": list(sources),
            "stateful operations": list(stateful.map(\.fingerprint)),
            "windows": list(windows.map { "window \($0.length.milliseconds) ms, slide \($0.slide.milliseconds) ms" }),
        ]
    }

    /// The input span a restart rebuilds before its first batch so that windows come out as in an
    /// uninterrupted run: the longest window, counting its last batch; zero without windows.
    var longestWindow: Duration { windows.isEmpty ? .zero : lookback + batchInterval }

    /// Throws unless the offsets log keeps enough batches to rebuild the longest window after a restart
    /// (the oldest kept batch is the first of a window ending at the batch that runs again).
    func checkRetention(of retainedBatches: Int) throws(DStreamError) {
        let retained = batchInterval * retainedBatches
        guard retained >= longestWindow else {
            throw .retentionShorterThanWindow(retainedBatches: retainedBatches, batchInterval: batchInterval, window: longestWindow)
        }
    }
}

/// A stream whose state the checkpoint keeps as versions (`updateStateByKey`): version N + 1 is the
/// state after batch N, written as the changes of batch N, with a whole snapshot now and then.
@usableFromInline struct StatefulRegistration: Sendable {
    /// The operation's name, e.g. `updateStateByKey`.
    let operation: String
    /// The operation as the fingerprint pins it, with its key and state types: `updateStateByKey(String → Int)`.
    let fingerprint: String
    /// Replaces the state with the one the files make, a snapshot (or nothing) and deltas, in order.
    let restore: @Sendable (_ files: [StateFile]) throws -> Void
    /// The changes the batch at the given time made, encoded.
    let delta: @Sendable (Timestamp) throws -> [UInt8]
    /// The state after the batch at the given time, encoded when the returned work runs (in the background).
    let snapshot: @Sendable (Timestamp) -> @Sendable () throws -> [UInt8]

    @usableFromInline init(operation: String, fingerprint: String, restore: @escaping @Sendable ([StateFile]) throws -> Void,
                           delta: @escaping @Sendable (Timestamp) throws -> [UInt8],
                           snapshot: @escaping @Sendable (Timestamp) -> @Sendable () throws -> [UInt8]) {
        self.operation = operation
        self.fingerprint = fingerprint
        self.restore = restore
        self.delta = delta
        self.snapshot = snapshot
    }
}

/// One state file's content, with its path for error messages.
@usableFromInline struct StateFile: Sendable {
    @usableFromInline let path: String
    @usableFromInline let payload: [UInt8]
}
