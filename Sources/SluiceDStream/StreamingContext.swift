import Foundation
import SluiceCore
import Synchronization

/// The entry point of a DStream program: defines inputs, runs a batch every `batchInterval`.
///
/// As in Spark, streams and output operations are defined first; `start()` validates the program and
/// begins running batches; no stream can be added afterwards.
public final class StreamingContext: Sendable {
    public let batchInterval: Duration
    public let clock: any StreamingClock
    /// The pool every RDD transformation runs its partitions on.
    public let pool: WorkerPool
    /// Where `print` writes (standard output unless a test captures it).
    @usableFromInline let printer: @Sendable (String) -> Void
    @usableFromInline let graph: DStreamGraph
    private let lifecycle = Mutex(Lifecycle())
    private let termination: TerminationSignal

    private struct Lifecycle {
        var driver: MicroBatchDriver?
        var checkpointDirectory: String?
        var checkpointOptions = CheckpointCoordinator.Options()
        var simulatedFault: FaultPlan?
        var zeroTime: Timestamp?
    }

    /// How the context's batches are driven.
    public enum DriverMode: Sendable {
        /// A thread of the context's own runs each batch when the clock reaches its time (Spark's way).
        case backgroundThread
        /// The caller runs the due batches with `runDueBatches()`: deterministic tests under a manual clock.
        case caller
    }

    /// A context cutting a batch every `batchInterval` by `clock`, running partitions on `parallelism` cores.
    public init(batchInterval: Duration, clock: any StreamingClock = SystemClock(),
                parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                printer: @escaping @Sendable (String) -> Void = { print($0) }) {
        precondition(batchInterval > .zero, "StreamingContext: the batch interval must be positive, got \(batchInterval)")
        self.batchInterval = batchInterval
        self.clock = clock
        self.pool = WorkerPool(parallelism: parallelism)
        self.printer = printer
        let graph = DStreamGraph()
        self.graph = graph
        self.termination = TerminationSignal { error in try graph.closeCheckpoint(after: error) }
    }

    /// Makes the program fault tolerant (Spark's `ssc.checkpoint(dir)`): `start()` takes the checkpoint
    /// at `directory` and, if a run of the same program left one, goes on where that run stopped, with
    /// its state, its input positions and its batch ids and times; a batch the run left uncommitted runs
    /// again on exactly the same data. With replayable inputs and `saveToTable`, a table gets every
    /// input record's effect exactly once, whatever crash comes between. `options` sets how many batches
    /// the checkpoint keeps (at least the longest window's) and how often state is snapshot.
    public func checkpoint(directory: String, options: CheckpointCoordinator.Options = .init()) {
        lifecycle.withLock { state in
            state.checkpointDirectory = directory
            state.checkpointOptions = options
        }
    }

    public var checkpointDirectory: String? { lifecycle.withLock { $0.checkpointDirectory } }

    /// Makes the batch `plan` names throw `SimulatedFault` at its fault point, as if the process died
    /// there: the tests' in-process twin of `SLUICE_FAULT`.
    func simulateFault(_ plan: FaultPlan) {
        lifecycle.withLock { $0.simulatedFault = plan }
    }

    /// Validates the program, resumes it from the checkpoint directory if one is set, and starts running
    /// batches. Throws when the checkpoint belongs to a different program (naming what changed), is in
    /// use by another running context, or cannot be read.
    public func start(driving mode: DriverMode = .backgroundThread) throws {
        let (directory, options, fault) = try lifecycle.withLock { state in
            guard state.driver == nil, !termination.isSignalled else { throw DStreamError.alreadyStarted }
            return (state.checkpointDirectory, state.checkpointOptions, state.simulatedFault)
        }
        try graph.validate(checkpointDirectory: directory)
        graph.prepare(batchInterval: batchInterval)
        let checkpoint = try directory.map { directory in
            try DStreamCheckpoint(directory: directory, options: options, program: graph.program(batchInterval: batchInterval),
                                  clock: clock, simulatedFault: fault)
        }
        let driver: MicroBatchDriver
        do {
            if let checkpoint { try resume(from: checkpoint) }
            driver = MicroBatchDriver(trigger: .processingTime(batchInterval), clock: clock, inputs: graph.inputs,
                                      firstBatch: checkpoint?.firstBatch ?? BatchID(0),
                                      resumingAfter: checkpoint?.lastBatchTime) { [graph] batch in
                try graph.run(batch)
            }
            for listener in graph.listeners { driver.addListener(listener) }
            driver.addListener(termination)
            try driver.start()
        } catch {
            checkpoint?.abandon()
            throw error
        }
        lifecycle.withLock { state in
            state.driver = driver
            if state.zeroTime == nil { state.zeroTime = driver.nextBatchTime.map { $0 - batchInterval } }
        }
        if mode == .backgroundThread {
            Thread { driver.runUntilStopped() }.start()
        }
    }

    /// Brings the program to where the checkpoint's last run stopped, before the driver's first batch:
    /// the time zero of its batches, the input its windows still cover, and the batch it left uncommitted.
    private func resume(from checkpoint: DStreamCheckpoint) throws {
        graph.attach(checkpoint)
        guard let zeroTime = checkpoint.zeroTime else { return }
        lifecycle.withLock { $0.zeroTime = zeroTime }
        for batch in try checkpoint.batchesToRebuild() { try graph.rebuild(batch) }
        if let batch = try checkpoint.uncommittedBatch() { try graph.process(batch) }
    }

    /// Runs the batches due at the clock's current time (contexts started with `driving: .caller`).
    @discardableResult
    public func runDueBatches() throws -> [BatchInfo] {
        guard let driver = lifecycle.withLock({ $0.driver }) else { throw DStreamError.notStarted }
        return try driver.runDueBatches()
    }

    /// Stops receiving and running batches, after the checkpoint's background writes are done;
    /// `gracefully` first runs the batches already due.
    public func stop(gracefully: Bool = false) {
        guard let driver = lifecycle.withLock({ $0.driver }), driver.status == .running else {
            termination.signal()
            return
        }
        if gracefully { _ = try? driver.runDueBatches() }
        driver.stop()
    }

    /// Waits until the context stops (or `timeout` passes); rethrows the error that stopped it, if any.
    /// Returns whether the context has stopped.
    @discardableResult
    public func awaitTermination(timeout: Duration? = nil) throws -> Bool {
        let stopped = termination.wait(timeout: timeout)
        if let error = lifecycle.withLock({ $0.driver?.error }) ?? termination.closingFailure { throw error }
        return stopped
    }

    /// The metrics of the most recent batches.
    public var recentBatches: [BatchInfo] { lifecycle.withLock { $0.driver?.recentBatches ?? [] } }

    /// Registers a listener for batch metrics and receiver errors (before or after start).
    public func addStreamingListener(_ listener: any StreamingListener) {
        graph.addListener(listener)
        lifecycle.withLock { $0.driver }?.addListener(listener)
    }

    /// Whether `time` is a batch time of a stream sliding by `slide`: a multiple of it after time zero.
    func isBatchTime(_ time: Timestamp, slide: Duration) -> Bool {
        guard let zero = lifecycle.withLock({ $0.zeroTime }), time > zero else { return false }
        return (time - zero).microseconds % slide.microseconds == 0
    }
}

/// Becomes signalled once, when the driver stops, after running the context's closing work (finishing
/// or releasing the checkpoint, given the error that stopped the driver); `awaitTermination` waits for it.
final class TerminationSignal: StreamingListener {
    private let isStopped = Mutex(false)
    private let stopped = NSCondition()
    private let closing: @Sendable ((any Error)?) throws -> Void
    private let failure = Mutex<(any Error)?>(nil)

    init(closing: @escaping @Sendable ((any Error)?) throws -> Void) { self.closing = closing }

    /// The error the closing work threw, if it did.
    var closingFailure: (any Error)? { failure.withLock { $0 } }

    var isSignalled: Bool { isStopped.withLock { $0 } }

    func signal() {
        stopped.lock()
        isStopped.withLock { $0 = true }
        stopped.broadcast()
        stopped.unlock()
    }

    /// Waits until signalled or `timeout` passes; returns whether it was signalled.
    func wait(timeout: Duration?) -> Bool {
        let deadline = timeout.map { Date(timeIntervalSinceNow: Double($0.microseconds) / 1_000_000) }
        stopped.lock()
        defer { stopped.unlock() }
        while !isSignalled {
            if let deadline {
                if !stopped.wait(until: deadline) { return isSignalled }
            } else {
                stopped.wait()
            }
        }
        return true
    }

    func streamingStopped(error: (any Error)?) {
        do { try closing(error) } catch { failure.withLock { $0 = error } }
        signal()
    }
}
