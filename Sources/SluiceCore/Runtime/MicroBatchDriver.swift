import Synchronization

/// Cuts micro-batches from its inputs at each trigger and hands them to the job, one at a time, in
/// batch order, reporting each batch's metrics to the listeners.
///
/// The driver does nothing by itself: `runDueBatches()` runs the batches that are due at the clock's
/// current time and returns, which is how tests step it under a `ManualClock`; `runUntilStopped()` is
/// the production loop around it. Under a processing-time trigger every batch time gets a batch, empty
/// or not; when processing falls behind, the overdue batches run back to back and their scheduling
/// delay grows, exactly as Spark Streaming reports it.
public final class MicroBatchDriver: Sendable {
    /// Processes one micro-batch; throwing stops the driver with that error.
    public typealias Job = @Sendable (MicroBatch) throws -> Void

    public let trigger: Trigger
    /// Whether batch times with no new data still get a batch: Spark Streaming runs them, Structured
    /// Streaming skips them.
    public let runsEmptyBatches: Bool
    private let clock: any StreamingClock
    private let inputs: [any BatchInput]
    private let lastBatchTime: Timestamp?
    private let job: Job
    private let state: Mutex<State>

    private struct State {
        var status = Status.created
        var schedule: BatchSchedule?
        var nextBatchID: BatchID
        var listeners: [any StreamingListener] = []
        var completed: [BatchInfo] = []
        var error: (any Error)?
    }

    /// Where the driver is in its life.
    public enum Status: Sendable, Equatable {
        case created, running, stopped
    }

    /// A driver over `inputs` that numbers its batches from `firstBatch` and hands each to `job`.
    /// A processing-time trigger of zero runs a batch whenever data is waiting (Structured Streaming's default).
    ///
    /// A restarted job passes the time of the last batch it recorded as `lastBatchTime`: the schedule
    /// then goes on right after it instead of after the clock's time at start, so every batch time from
    /// there on gets a batch, those of the time the job was down included (Spark Streaming's restart
    /// runs them too), and no batch time comes twice or goes back.
    public init(trigger: Trigger, clock: any StreamingClock, inputs: [any BatchInput],
                firstBatch: BatchID = BatchID(0), resumingAfter lastBatchTime: Timestamp? = nil,
                runsEmptyBatches: Bool = true, job: @escaping Job) {
        if case .processingTime(let interval) = trigger {
            precondition(interval >= .zero, "MicroBatchDriver: the batch interval must not be negative, got \(interval)")
        }
        self.trigger = trigger
        self.runsEmptyBatches = runsEmptyBatches
        self.clock = clock
        self.inputs = inputs
        self.lastBatchTime = lastBatchTime
        self.job = job
        self.state = Mutex(State(nextBatchID: firstBatch))
    }

    /// Registers a listener; events go to listeners in registration order.
    public func addListener(_ listener: any StreamingListener) {
        state.withLock { $0.listeners.append(listener) }
    }

    public var status: Status { state.withLock { $0.status } }

    /// The next batch time of a processing-time trigger, once started; nil for one-shot triggers.
    public var nextBatchTime: Timestamp? { state.withLock { $0.schedule?.nextBatchTime } }

    /// How many completed batches `recentBatches` keeps (Spark's `spark.streaming.ui.retainedBatches`).
    public static let retainedBatches = 1000

    /// The metrics of the most recent completed batches (at most `retainedBatches`), oldest first.
    public var recentBatches: [BatchInfo] { state.withLock { $0.completed } }

    /// The error that stopped the driver, if one did.
    public var error: (any Error)? { state.withLock { $0.error } }

    /// Starts the inputs and fixes the batch schedule from the clock's current time (or from the last
    /// batch time a restarted job recorded).
    public func start() throws {
        let now = clock.now
        try state.withLock { state in
            guard state.status == .created else { throw DriverError.alreadyStarted }
            state.status = .running
            if case .processingTime(let interval) = trigger, interval > .zero {
                state.schedule = BatchSchedule(interval: interval, start: lastBatchTime ?? now)
            }
        }
        for input in inputs { try input.start() }
        for listener in listeners { listener.streamingStarted(at: now) }
    }

    /// Runs every batch due at the clock's current time and returns their metrics; after a one-shot
    /// trigger's batches the driver stops. A job error stops the driver and is rethrown.
    @discardableResult
    public func runDueBatches() throws -> [BatchInfo] {
        let now = clock.now
        let batchTimes: [Timestamp] = state.withLock { state in
            guard state.status == .running else { return [] }
            return state.schedule?.takeDue(at: now) ?? []
        }
        var infos: [BatchInfo] = []
        do {
            switch trigger {
            case .processingTime(.zero):
                if status == .running, inputs.contains(where: \.hasPendingData) { infos.append(try runBatch(at: now)) }
            case .processingTime:
                for time in batchTimes where status == .running && (runsEmptyBatches || inputs.contains(where: \.hasPendingData)) {
                    infos.append(try runBatch(at: time))
                }
            case .once:
                if status == .running { infos.append(try runBatch(at: now)) }
                stop()
            case .availableNow:
                repeat {
                    infos.append(try runBatch(at: clock.now))
                } while status == .running && inputs.contains(where: \.hasPendingData)
                stop()
            }
        } catch {
            stop(error: error)
            throw error
        }
        return infos
    }

    /// Runs batches as the clock reaches each batch time, until `stop()` or a job error.
    public func runUntilStopped() {
        while status == .running {
            if let next = nextBatchTime {
                clock.wait(until: next)
            } else if case .processingTime = trigger, !inputs.contains(where: \.hasPendingData) {
                clock.wait(until: clock.now + Self.idlePollInterval)
            }
            do { try runDueBatches() } catch { return }
        }
    }

    /// How often a zero-interval trigger looks for new data while idle.
    public static let idlePollInterval = Duration.milliseconds(10)

    /// Stops the inputs and the run loop; `error` records why, if the stop is a failure.
    public func stop(error: (any Error)? = nil) {
        let wasRunning = state.withLock { state in
            let wasRunning = state.status != .stopped
            state.status = .stopped
            if state.error == nil { state.error = error }
            return wasRunning
        }
        guard wasRunning else { return }
        for input in inputs { input.stop() }
        clock.interruptWaits()
        for listener in listeners { listener.streamingStopped(error: error) }
    }

    private var listeners: [any StreamingListener] { state.withLock { $0.listeners } }

    private func runBatch(at time: Timestamp) throws -> BatchInfo {
        let id = state.withLock { state in
            defer { state.nextBatchID = state.nextBatchID.next }
            return state.nextBatchID
        }
        let slices = inputs.map { $0.cut(for: id, at: time) }
        let listeners = listeners
        for problem in slices.flatMap(\.problems) {
            for listener in listeners { listener.receiverError(problem) }
        }
        var info = BatchInfo(batchID: id, batchTime: time, recordsPerInput: slices.map(\.records),
                             malformedRecords: slices.reduce(0) { $0 + $1.malformedRecords }, submissionTime: time)
        for listener in listeners { listener.batchSubmitted(info) }
        info.processingStartTime = clock.now
        for listener in listeners { listener.batchStarted(info) }
        try job(MicroBatch(id: id, time: time, inputs: slices))
        info.processingEndTime = clock.now
        let completed = info
        state.withLock { state in
            state.completed.append(completed)
            if state.completed.count > Self.retainedBatches { state.completed.removeFirst() }
        }
        for listener in listeners { listener.batchCompleted(completed) }
        return completed
    }
}

/// A driver was used out of order.
public enum DriverError: Error, Equatable, CustomStringConvertible {
    case alreadyStarted

    public var description: String {
        switch self {
        case .alreadyStarted: "micro-batch driver: start() called twice; a driver runs once (create a new one to restart)"
        }
    }
}
