import SluiceCore
import Synchronization

/// The streams and output operations of one context, and the job that runs them for each batch.
///
/// Per batch: input and stateful streams are computed first (so their data is cut at its own batch
/// time, even when only a later window reads it), then each output operation in the order it was
/// defined, then RDDs that no window needs any more are dropped. With a checkpoint, the batch follows
/// the protocol of `DStreamCheckpoint` around those steps.
@usableFromInline final class DStreamGraph: Sendable {
    private let state = Mutex(State())

    private struct State {
        var inputs: [any BatchInput] = []
        /// The stream of each input, by input index.
        var inputStreams: [any DStreamNode] = []
        /// Every source of data in definition order: an input's name, or a stream fed in-process.
        var sources: [String] = []
        /// The in-process sources (queue and producer streams), which cannot replay.
        var unreplayableSources: [String] = []
        var nodes: [any DStreamNode] = []
        var eagerNodes: [any DStreamNode] = []
        var outputs: [OutputOperation] = []
        var stateful: [StatefulRegistration] = []
        var checkpointRequirements: [(operation: String, need: String)] = []
        var listeners: [any StreamingListener] = []
        var currentBatch: MicroBatch?
        var checkpoint: DStreamCheckpoint?
        var isPrepared = false
    }

    /// One output operation: runs on `stream`'s RDD of each batch, given the batch's id and time.
    @usableFromInline struct OutputOperation: Sendable {
        let stream: any DStreamNode
        let run: @Sendable (BatchID, Timestamp) throws -> Void

        @usableFromInline init(stream: any DStreamNode, run: @escaping @Sendable (BatchID, Timestamp) throws -> Void) {
            self.stream = stream
            self.run = run
        }
    }

    var inputs: [any BatchInput] { state.withLock { $0.inputs } }
    var listeners: [any StreamingListener] { state.withLock { $0.listeners } }

    /// Registers a driver input; returns its position in each micro-batch's slices. Its stream is
    /// registered next, with `addInputStream`.
    @usableFromInline func addInput(_ input: any BatchInput) -> Int {
        state.withLock { state in
            precondition(!state.isPrepared, "DStream: inputs cannot be added after the context started")
            state.inputs.append(input)
            state.sources.append(input.name)
            return state.inputs.count - 1
        }
    }

    /// Registers the stream that reads the input added last.
    @usableFromInline func addInputStream(_ node: any DStreamNode) {
        addNode(node, eager: true)
        state.withLock { $0.inputStreams.append(node) }
    }

    /// Registers a stream fed in-process (a queue or producer stream), which a restart cannot replay.
    @usableFromInline func addInProcessStream(_ node: any DStreamNode, name: String) {
        addNode(node, eager: true)
        state.withLock { state in
            state.sources.append(name)
            state.unreplayableSources.append(name)
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

    /// Registers a stream whose state the checkpoint keeps, which therefore needs a checkpoint directory;
    /// its position among them names its state folder.
    @usableFromInline func addStateful(_ registration: StatefulRegistration) {
        state.withLock { state in
            state.stateful.append(registration)
            state.checkpointRequirements.append((registration.operation, DStreamError.keepsState))
        }
    }

    /// Records that `operation` needs a checkpoint directory, for the reason `need` gives (it keeps
    /// state across batches, by default).
    @usableFromInline func requireCheckpoint(for operation: String, because need: String = DStreamError.keepsState) {
        state.withLock { $0.checkpointRequirements.append((operation, need)) }
    }

    func addListener(_ listener: any StreamingListener) {
        state.withLock { $0.listeners.append(listener) }
    }

    /// The batch being run, which input streams read their slices from.
    @usableFromInline var currentBatch: MicroBatch? { state.withLock { $0.currentBatch } }

    func validate(checkpointDirectory: String?) throws {
        let (outputs, requirements) = state.withLock { ($0.outputs, $0.checkpointRequirements) }
        guard !outputs.isEmpty else { throw DStreamError.noOutputOperations }
        if checkpointDirectory == nil, let first = requirements.first {
            throw DStreamError.checkpointDirectoryNotSet(operation: first.operation, need: first.need)
        }
    }

    /// Fixes remember durations; no stream can be added afterwards.
    func prepare(batchInterval: Duration) {
        let outputs = state.withLock { state in
            state.isPrepared = true
            return state.outputs
        }
        for output in outputs { output.stream.remember(batchInterval) }
    }

    /// What the checkpoint needs of the program, once it is prepared.
    func program(batchInterval: Duration) -> CheckpointedProgram {
        state.withLock { state in
            CheckpointedProgram(
                batchInterval: batchInterval, inputs: state.inputs, sources: state.sources,
                unreplayableSources: state.unreplayableSources, stateful: state.stateful,
                windows: state.nodes.compactMap { node in node.windowLength.map { ($0, node.slideDuration) } },
                lookback: state.nodes.map(\.lookback).max() ?? .zero)
        }
    }

    /// Makes every batch from now on follow the checkpoint's protocol.
    func attach(_ checkpoint: DStreamCheckpoint) {
        state.withLock { $0.checkpoint = checkpoint }
    }

    /// Ends the checkpoint, if there is one: after a clean stop its background writes finish (and a
    /// failure among them is rethrown); after an error it is released as it is.
    func closeCheckpoint(after error: (any Error)?) throws {
        guard let checkpoint = state.withLock({ $0.checkpoint }) else { return }
        if error == nil { try checkpoint.close() } else { checkpoint.abandon() }
    }

    /// The job of one micro-batch cut by the driver.
    func run(_ batch: MicroBatch) throws {
        try state.withLock { $0.checkpoint }?.recordOffsets(of: batch)
        try process(batch)
    }

    /// Computes the input streams' RDDs of a batch that ran before a restart, and nothing else (no
    /// output, no state), so that the windows of the next batches find their earlier input.
    func rebuild(_ batch: MicroBatch) throws {
        let inputStreams = state.withLock { state in
            state.currentBatch = batch
            return state.inputStreams
        }
        defer { state.withLock { $0.currentBatch = nil } }
        for node in inputStreams { try node.materialize(at: batch.time) }
    }

    /// Runs `batch`: computes it, runs the outputs beside the checkpoint's state write, forgets old RDDs
    /// and commits. A batch run again after a restart comes here directly, its offsets being recorded.
    func process(_ batch: MicroBatch) throws {
        let (eagerNodes, outputs, nodes, checkpoint) = state.withLock { state in
            state.currentBatch = batch
            return (state.eagerNodes, state.outputs, state.nodes, state.checkpoint)
        }
        for node in eagerNodes { try node.materialize(at: batch.time) }
        let stateWrite = checkpoint?.writeState(of: batch)
        var outputFailure: (any Error)?
        do {
            for output in outputs { try output.run(batch.id, batch.time) }
        } catch {
            outputFailure = error
        }
        try stateWrite?.wait()
        if let outputFailure { throw outputFailure }
        try checkpoint?.reach(.afterSinkCommit, batch: batch.id)
        for node in nodes { node.forgetOldRDDs(at: batch.time) }
        try checkpoint?.commit(batch)
    }
}
