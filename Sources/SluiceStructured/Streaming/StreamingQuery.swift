import Foundation
import SluiceCore
import Synchronization

/// A running streaming query: Spark's `StreamingQuery`.
public final class StreamingQuery: Sendable {
    /// Stays the same across restarts from a checkpoint.
    public let id: String
    /// New for every start.
    public let runId: String
    public let name: String?
    private let driver: MicroBatchDriver
    private let input: any BatchInput
    private let executor: Mutex<StatefulExecutor>
    private let sink: any StreamingSink
    private let clock: any StreamingClock
    private let checkpoint: QueryCheckpoint?
    private let state = Mutex(State())
    private let terminated = NSCondition()

    private struct State {
        var progress: [StreamingQueryProgress] = []
        var listeners: [any StreamingQueryListener] = []
        var previousStart: Timestamp?
        var isTerminated = false
    }

    /// How many progress reports `recentProgress` keeps.
    public static let retainedProgress = 100

    init(name: String?, id: String, plan: LogicalPlan, mode: OutputMode, trigger: Trigger, clock: any StreamingClock,
         sink: any StreamingSink, listeners: [any StreamingQueryListener], checkpoint settings: CheckpointSettings? = nil) throws {
        var executor = try StatefulExecutor(plan, mode: mode)
        guard case .stream(let makeInput) = executor.plan.source.content else {
            throw AnalysisError("'\(executor.plan.source.name)' is a table: start a streaming query on a stream (session.readStream)")
        }
        let input = makeInput()
        if let settings {
            let metadata = CheckpointMetadata(id: id, fingerprint: QueryFingerprint.parts(of: executor.plan, mode: mode, hasState: executor.hasState))
            let checkpoint = try QueryCheckpoint(settings: settings, query: metadata, input: input, executor: &executor)
            self.checkpoint = checkpoint
            self.id = checkpoint.coordinator.metadata.id
        } else {
            self.checkpoint = nil
            self.id = id
        }
        self.runId = UUID().uuidString.lowercased()
        self.name = name
        self.input = input
        self.executor = Mutex(executor)
        self.sink = sink
        self.clock = clock
        let schema = executor.outputSchema
        let holder = QueryHolder()
        self.driver = MicroBatchDriver(trigger: trigger, clock: clock, inputs: [input], firstBatch: checkpoint?.firstBatch ?? BatchID(0),
                                       runsEmptyBatches: false) { batch in
            try holder.query?.run(batch, schema: schema, mode: mode, isRerun: false)
        }
        state.withLock { $0.listeners = listeners }
        holder.query = self
        driver.addListener(TerminationRelay(query: self))
    }

    /// Runs the batch a crash left uncommitted, then starts the driver; a start that fails stops the
    /// query (its inputs, and its checkpoint's lock, are released) before rethrowing.
    func start(inBackground: Bool) throws {
        for listener in listeners { listener.queryStarted(id: id, runId: runId, name: name) }
        do {
            if let batch = try checkpoint?.uncommittedBatch() {
                try run(batch, schema: executor.withLock { $0.outputSchema }, mode: executor.withLock { $0.mode }, isRerun: true)
            }
            try driver.start()
        } catch {
            driver.stop(error: error)
            throw error
        }
        if inBackground { Thread { [driver] in driver.runUntilStopped() }.start() }
    }

    public var isActive: Bool { driver.status == .running }

    /// The error that stopped the query, if one did.
    public var exception: (any Error)? { driver.error }

    public var lastProgress: StreamingQueryProgress? { state.withLock { $0.progress.last } }
    public var recentProgress: [StreamingQueryProgress] { state.withLock { $0.progress } }

    /// The watermark the next batch will use.
    public var watermark: Timestamp? { executor.withLock { $0.watermark } }

    /// Runs batches until the data available now is processed (for tests and available-now runs).
    public func processAllAvailable() throws {
        while isActive && input.hasPendingData { try driver.runDueBatches() }
        if let exception { throw exception }
    }

    /// Stops the query after the batch in progress.
    public func stop() { driver.stop() }

    /// Waits until the query stops or `timeout` passes; rethrows its exception. Returns whether it stopped.
    @discardableResult
    public func awaitTermination(timeout: Duration? = nil) throws -> Bool {
        let deadline = timeout.map { Date(timeIntervalSinceNow: Double($0.microseconds) / 1_000_000) }
        terminated.lock()
        while !state.withLock({ $0.isTerminated }) {
            if let deadline { if !terminated.wait(until: deadline) { break } } else { terminated.wait() }
        }
        terminated.unlock()
        if let exception { throw exception }
        return state.withLock { $0.isTerminated }
    }

    public func addListener(_ listener: any StreamingQueryListener) { state.withLock { $0.listeners.append(listener) } }

    private var listeners: [any StreamingQueryListener] { state.withLock { $0.listeners } }

    private func run(_ batch: MicroBatch, schema: Schema, mode: OutputMode, isRerun: Bool) throws {
        let started = clock.now
        if let checkpoint, !isRerun { try checkpoint.recordOffsets(of: batch) }
        let watermark = executor.withLock { $0.watermark }
        let outcome = try executor.withLock { executor throws(AnalysisError) in try executor.process(batch.inputs[0].chunks) }
        if let checkpoint {
            try checkpoint.complete(batch, executor: executor.withLock { $0 }, at: clock.now) {
                try sink.addBatch(batch.id, outcome.output, schema: schema, mode: mode)
            }
        } else {
            try sink.addBatch(batch.id, outcome.output, schema: schema, mode: mode)
        }
        let ended = clock.now
        report(batch: batch, outcome: outcome, watermark: watermark, started: started, ended: ended)
    }

    private func report(batch: MicroBatch, outcome: StatefulExecutor.BatchOutcome, watermark: Timestamp?, started: Timestamp, ended: Timestamp) {
        let elapsed = Double((ended - started).microseconds) / 1_000_000
        let previous = state.withLock { state in
            defer { state.previousStart = started }
            return state.previousStart
        }
        let sincePrevious = previous.map { Double((started - $0).microseconds) / 1_000_000 } ?? 0
        let progress = StreamingQueryProgress(
            id: id, runId: runId, name: name, batchId: batch.id, timestamp: started, numInputRows: outcome.inputRows,
            inputRowsPerSecond: sincePrevious > 0 ? Double(outcome.inputRows) / sincePrevious : 0,
            processedRowsPerSecond: elapsed > 0 ? Double(outcome.inputRows) / elapsed : 0,
            durationMs: ["getBatch": (started - batch.time).microseconds / 1000, "addBatch": (ended - started).microseconds / 1000,
                         "triggerExecution": (ended - batch.time).microseconds / 1000],
            watermark: watermark,
            stateOperator: executor.withLock { $0.plan.stateful } == nil ? nil : StateOperatorProgress(
                numRowsTotal: outcome.stateRowsTotal, numRowsUpdated: outcome.stateRowsUpdated,
                numRowsDroppedByWatermark: outcome.rowsDroppedByWatermark)
        )
        state.withLock { state in
            state.progress.append(progress)
            if state.progress.count > Self.retainedProgress { state.progress.removeFirst() }
        }
        for listener in listeners { listener.queryProgress(progress) }
    }

    fileprivate func markTerminated(error: (any Error)?) {
        if let checkpoint {
            if error == nil { try? checkpoint.close() } else { checkpoint.abandon() }
        }
        terminated.lock()
        state.withLock { $0.isTerminated = true }
        terminated.broadcast()
        terminated.unlock()
        for listener in listeners { listener.queryTerminated(id: id, runId: runId, exception: error.map { "\($0)" }) }
    }
}

/// Lets the driver's job reach the query that owns the driver, without a reference cycle: the query
/// is held weakly (whoever started it keeps it).
private final class QueryHolder: Sendable {
    private struct WeakReference { weak var query: StreamingQuery? }
    private let reference = Mutex(WeakReference())
    var query: StreamingQuery? {
        get { reference.withLock { $0.query } }
        set { reference.withLock { $0.query = newValue } }
    }
}

/// Tells the query that its driver stopped.
private final class TerminationRelay: StreamingListener {
    private let query: Mutex<StreamingQuery?>
    init(query: StreamingQuery) { self.query = Mutex(query) }
    func streamingStopped(error: (any Error)?) {
        let query = self.query.withLock { query in
            defer { query = nil }
            return query
        }
        query?.markTerminated(error: error)
    }
}
