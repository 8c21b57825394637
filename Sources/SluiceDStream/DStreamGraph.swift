import SluiceCore
import Synchronization

/// The streams and output operations of one context, and the job that runs them for each batch.
///
/// Per batch: input and stateful streams are computed first (so their data is cut at its own batch
/// time, even when only a later window reads it), then each output operation in the order it was
/// defined, then RDDs that no window needs any more are dropped and stateful streams snapshot their state.
@usableFromInline final class DStreamGraph: Sendable {
    private let state = Mutex(State())
    /// Writes state snapshots off the batches' path.
    let snapshotWriter = BackgroundWriter()

    private struct State {
        var inputs: [any BatchInput] = []
        var nodes: [any DStreamNode] = []
        var eagerNodes: [any DStreamNode] = []
        var outputs: [OutputOperation] = []
        var stateful: [StatefulRegistration] = []
        var checkpointedOperations: [String] = []
        var listeners: [any StreamingListener] = []
        var currentBatch: MicroBatch?
        var checkpointDirectory: String?
        var isPrepared = false
    }

    @usableFromInline struct OutputOperation: Sendable {
        let stream: any DStreamNode
        let run: @Sendable (Timestamp) throws -> Void

        @usableFromInline init(stream: any DStreamNode, run: @escaping @Sendable (Timestamp) throws -> Void) {
            self.stream = stream
            self.run = run
        }
    }

    /// A stream that keeps state across batches: it needs a checkpoint directory to snapshot into.
    @usableFromInline struct StatefulRegistration: Sendable {
        /// The operation's name for error messages, e.g. `updateStateByKey`.
        let operation: String
        /// Loads the latest snapshot from the checkpoint directory, if there is one.
        let restore: @Sendable (_ checkpointDirectory: String) throws -> Void
        /// Queues the state after the batch at the given time on the writer.
        let snapshot: @Sendable (_ checkpointDirectory: String, Timestamp, BackgroundWriter) throws -> Void

        @usableFromInline init(operation: String, restore: @escaping @Sendable (String) throws -> Void,
                               snapshot: @escaping @Sendable (String, Timestamp, BackgroundWriter) throws -> Void) {
            self.operation = operation
            self.restore = restore
            self.snapshot = snapshot
        }
    }

    var inputs: [any BatchInput] { state.withLock { $0.inputs } }
    var listeners: [any StreamingListener] { state.withLock { $0.listeners } }

    /// Registers a driver input; returns its position in each micro-batch's slices.
    @usableFromInline func addInput(_ input: any BatchInput) -> Int {
        state.withLock { state in
            precondition(!state.isPrepared, "DStream: inputs cannot be added after the context started")
            state.inputs.append(input)
            return state.inputs.count - 1
        }
    }

    @usableFromInline func addNode(_ node: any DStreamNode, eager: Bool = false) {
        state.withLock { state in
            precondition(!state.isPrepared, "DStream: streams cannot be defined after the context started")
            state.nodes.append(node)
            if eager { state.eagerNodes.append(node) }
        }
    }

    @usableFromInline func addOutput(_ output: OutputOperation) {
        state.withLock { state in
            precondition(!state.isPrepared, "DStream: output operations cannot be added after the context started")
            state.outputs.append(output)
        }
    }

    /// The index the next stateful stream gets: its snapshot folder's name.
    @usableFromInline var nextStatefulIndex: Int { state.withLock { $0.stateful.count } }

    /// Registers a stream that snapshots its state; it needs a checkpoint directory.
    @usableFromInline func addStateful(_ registration: StatefulRegistration) {
        state.withLock { state in
            state.stateful.append(registration)
            state.checkpointedOperations.append(registration.operation)
        }
    }

    /// Records that `operation` keeps state across batches, so the program needs a checkpoint directory.
    @usableFromInline func requireCheckpoint(for operation: String) {
        state.withLock { $0.checkpointedOperations.append(operation) }
    }

    func addListener(_ listener: any StreamingListener) {
        state.withLock { $0.listeners.append(listener) }
    }

    /// The batch being run, which input streams read their slices from.
    @usableFromInline var currentBatch: MicroBatch? { state.withLock { $0.currentBatch } }

    func validate(checkpointDirectory: String?) throws {
        let (outputs, operations) = state.withLock { ($0.outputs, $0.checkpointedOperations) }
        guard !outputs.isEmpty else { throw DStreamError.noOutputOperations }
        if checkpointDirectory == nil, let first = operations.first {
            throw DStreamError.checkpointDirectoryNotSet(operation: first)
        }
    }

    /// Fixes remember durations and restores stateful streams from the checkpoint directory.
    func prepare(batchInterval: Duration, checkpointDirectory: String?) throws {
        let (outputs, stateful) = state.withLock { state in
            state.isPrepared = true
            state.checkpointDirectory = checkpointDirectory
            return (state.outputs, state.stateful)
        }
        for output in outputs { output.stream.remember(batchInterval) }
        if let checkpointDirectory {
            for registration in stateful { try registration.restore(checkpointDirectory) }
        }
    }

    /// The job of one micro-batch.
    func run(_ batch: MicroBatch) throws {
        let (eagerNodes, outputs, nodes, stateful, checkpoint) = state.withLock { state in
            state.currentBatch = batch
            return (state.eagerNodes, state.outputs, state.nodes, state.stateful, state.checkpointDirectory)
        }
        for node in eagerNodes { try node.materialize(at: batch.time) }
        for output in outputs { try output.run(batch.time) }
        for node in nodes { node.forgetOldRDDs(at: batch.time) }
        if let checkpoint {
            for registration in stateful { try registration.snapshot(checkpoint, batch.time, snapshotWriter) }
        }
    }
}
