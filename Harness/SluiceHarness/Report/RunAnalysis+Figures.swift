extension RunAnalysis {
    /// Input rows of all committed batches.
    public var recordsProcessed: Int64 { batches.reduce(0) { $0 + ($1.rows ?? 0) } }

    /// Records processed per second, from the run's start to its last commit.
    public var processedRate: Double? {
        guard let last = batches.map(\.committedAt).max(), last > 0 else { return nil }
        return Double(recordsProcessed) / (Double(last) / 1_000_000)
    }

    /// Records offered per second of the schedule (from its first to its last scheduled record).
    public var offeredRate: Double? {
        guard let scheduledRange, scheduledRange.upperBound > scheduledRange.lowerBound else { return nil }
        return Double(recordsProduced) / (Double(scheduledRange.upperBound - scheduledRange.lowerBound) / 1_000_000)
    }

    /// The most rows committed in one second.
    public var peakProcessedPerSecond: Int64 { processedBySecond.values.max() ?? 0 }

    /// Batch starts that did not end in a commit: runs cut short by a kill.
    public var interruptedBatchStarts: Int { max(0, batchStarts - batches.count) }

    /// Sums of the committed batches' counts.
    public var totals: (lateRowsDropped: Int64, malformedLines: Int64, sinkRows: Int64) {
        batches.reduce((0, 0, 0)) { sums, row in
            (sums.0 + row.metrics.lateRowsDropped, sums.1 + row.metrics.malformedLines, sums.2 + row.metrics.sinkRows)
        }
    }

    /// Median and largest processing time of the committed batches, µs.
    public var processingTime: (median: Int64, maximum: Int64)? {
        let sorted = batches.map(\.metrics.processingMicroseconds).sorted()
        guard !sorted.isEmpty else { return nil }
        return (sorted[(sorted.count - 1) / 2], sorted[sorted.count - 1])
    }

    /// The largest scheduling delay of a committed batch, µs.
    public var maximumSchedulingDelay: Int64? { batches.map(\.metrics.schedulingDelayMicroseconds).max() }

    /// Committed batches whose processing took longer than `interval` µs: the job fell behind there.
    public func batchesSlowerThan(_ interval: Int64) -> Int {
        batches.count { $0.metrics.processingMicroseconds > interval }
    }

    /// The checks by verdict.
    public var checkCounts: (valid: Int, invalid: Int, unknown: Int) {
        (checks.count { $0.verdict == .valid }, checks.count { $0.verdict == .invalid }, checks.count { $0.verdict == .unknown })
    }

    /// Latency percentiles of each second with samples, in time order.
    public var latencyPerSecond: [(second: Int64, summary: LatencySummary)] {
        latencyBySecond.keys.sorted().map { ($0, latencyBySecond[$0]!.summary) }
    }

    /// The seconds from the run's start to the last that offered or processed records, each with the
    /// records offered and processed in it.
    public var ratesPerSecond: [(second: Int64, offered: Int64, processed: Int64)] {
        let last = max(offeredBySecond.keys.max() ?? 0, processedBySecond.keys.max() ?? 0)
        let first = min(0, offeredBySecond.keys.min() ?? 0, processedBySecond.keys.min() ?? 0)
        return (first ... last).map { ($0, offeredBySecond[$0] ?? 0, processedBySecond[$0] ?? 0) }
    }
}
