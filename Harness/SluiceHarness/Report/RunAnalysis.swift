import SluiceCore

/// What a run's history adds up to, for the reporter: fed the history's entries in order, it keeps the
/// committed batches, the latency histograms, per-second rates, the job's deaths and recoveries, and
/// the checkers' verdicts. It holds no sample or row itself, so a long history streams through it.
public struct RunAnalysis: Sendable {
    /// Committed batches, in the order they committed.
    public private(set) var batches: [BatchRow] = []
    /// End-to-end latency of every sample, µs, at 3 significant digits.
    public private(set) var latency = LatencyHistogram()
    /// Latency samples by the second (since the run started) of their `latency` line, at 2 significant
    /// digits: enough for plots, and small.
    public private(set) var latencyBySecond: [Int64: LatencyHistogram] = [:]
    /// Records offered by second, spreading each `produced` line evenly over its scheduled range.
    public private(set) var offeredBySecond: [Int64: Int64] = [:]
    /// Input rows of committed batches by the second they committed.
    public private(set) var processedBySecond: [Int64: Int64] = [:]
    /// Each death of the job, in order.
    public private(set) var recoveries: [Recovery] = []
    /// When the job was started again, µs since the run started, each restart.
    public private(set) var restartTimes: [Int64] = []
    /// The checkers' verdicts, in order.
    public private(set) var checks: [HistoryEvent.CheckResult] = []
    /// Records the replayer offered.
    public private(set) var recordsProduced: Int64 = 0
    /// The scheduled times of the first and last record offered, µs since the run started.
    public private(set) var scheduledRange: ClosedRange<Int64>?
    /// The latest time in the history, µs since the run started.
    public private(set) var endTime: Int64 = 0
    /// Batch starts, counting again the batches run again after a restart.
    public private(set) var batchStarts = 0

    private var lastStarts: [BatchID: HistoryEvent.BatchStarted] = [:]
    private var attempts: [BatchID: Int] = [:]
    /// The death that waits for its restart.
    private var pendingRestart: Int?
    /// Restarted recoveries that wait for their first batch.
    private var pendingFirstBatch: [Int] = []

    public init() {}

    /// The analysis of `entries`.
    public init(entries: some Sequence<HistoryEntry>) {
        for entry in entries { add(entry) }
    }

    /// Reads the history at `path` through an analysis; also returns the torn last line, if any.
    public static func read(historyAt path: String) throws(HistoryError) -> (analysis: RunAnalysis, tornLastLine: HistoryReader.TornLine?) {
        let reader = try HistoryReader(path: path)
        var analysis = RunAnalysis()
        while let entry = try reader.next() { analysis.add(entry) }
        return (analysis, reader.tornLastLine)
    }

    /// Takes in the next entry of the history.
    public mutating func add(_ entry: HistoryEntry) {
        endTime = max(endTime, entry.time)
        switch entry.event {
        case .produced(let produced): addProduced(produced)
        case .batchStarted(let started):
            batchStarts += 1
            lastStarts[started.batch] = started
            attempts[started.batch, default: 0] += 1
        case .offsetsWritten, .sinkRows: break
        case .batchCommitted(let committed): addCommitted(committed, at: entry.time)
        case .latency(let samples): addLatency(samples, at: entry.time)
        case .faultInjected(let fault):
            recoveries.append(Recovery(cause: .fault(fault.fault, batch: fault.batch), pid: fault.pid, diedAt: entry.time))
            pendingRestart = recoveries.count - 1
        case .processExited(let exit): addExit(exit, at: entry.time)
        case .restarted(let restart): addRestart(restart, at: entry.time)
        case .checkResult(let check): checks.append(check)
        }
    }

    private mutating func addProduced(_ produced: HistoryEvent.Produced) {
        recordsProduced += produced.records
        let range = min(produced.scheduledStart, produced.scheduledEnd) ... max(produced.scheduledStart, produced.scheduledEnd)
        scheduledRange = scheduledRange.map { min($0.lowerBound, range.lowerBound) ... max($0.upperBound, range.upperBound) } ?? range
        for (second, records) in Self.spread(produced.records, over: range) { offeredBySecond[second, default: 0] += records }
    }

    private mutating func addCommitted(_ committed: HistoryEvent.BatchCommitted, at time: Int64) {
        let start = lastStarts[committed.batch]
        batches.append(BatchRow(
            batch: committed.batch, triggerTime: start?.triggerTime, rows: start?.rows,
            attempts: attempts[committed.batch] ?? 0, committedAt: time, metrics: committed
        ))
        processedBySecond[Self.second(of: time), default: 0] += start?.rows ?? 0
        for index in pendingFirstBatch {
            if let restartedAt = recoveries[index].restartedAt { recoveries[index].firstBatchMicroseconds = time - restartedAt }
        }
        pendingFirstBatch.removeAll()
    }

    private mutating func addLatency(_ samples: HistoryEvent.LatencySamples, at time: Int64) {
        var second = latencyBySecond[Self.second(of: time)] ?? LatencyHistogram(significantDigits: 2)
        for value in samples.latencyMicroseconds {
            latency.record(value)
            second.record(value)
        }
        latencyBySecond[Self.second(of: time)] = second
    }

    private mutating func addExit(_ exit: HistoryEvent.ProcessExited, at time: Int64) {
        if let index = recoveries.lastIndex(where: { $0.pid == exit.pid && $0.exit == nil }) {
            recoveries[index].exit = exit
            return
        }
        if exit.signal == nil, exit.status == 0 { return }
        var recovery = Recovery(cause: .unplannedExit, pid: exit.pid, diedAt: time)
        recovery.exit = exit
        recoveries.append(recovery)
        pendingRestart = recoveries.count - 1
    }

    private mutating func addRestart(_ restart: HistoryEvent.Restarted, at time: Int64) {
        restartTimes.append(time)
        guard let index = pendingRestart else { return }
        pendingRestart = nil
        recoveries[index].restartedAt = time
        recoveries[index].downtimeMicroseconds = restart.downtimeMicroseconds
        if let firstBatch = restart.firstBatchMicroseconds {
            recoveries[index].firstBatchMicroseconds = firstBatch
        } else {
            pendingFirstBatch.append(index)
        }
    }

    /// The second since the run started that `time` (µs) falls in.
    static func second(of time: Int64) -> Int64 { time.floorDivided(by: 1_000_000) }

    /// `records` spread evenly over the seconds of `range` (µs), in whole records that add up to `records`.
    static func spread(_ records: Int64, over range: ClosedRange<Int64>) -> [(second: Int64, records: Int64)] {
        let first = second(of: range.lowerBound)
        let last = second(of: range.upperBound)
        guard first < last else { return [(first, records)] }
        let span = Double(range.upperBound - range.lowerBound)
        var shares: [(Int64, Int64)] = []
        var assigned: Int64 = 0
        for current in first ... last {
            let end = current == last ? range.upperBound : (current + 1) * 1_000_000
            let cumulative = Int64((Double(records) * Double(end - range.lowerBound) / span).rounded())
            shares.append((current, cumulative - assigned))
            assigned = cumulative
        }
        return shares
    }
}
