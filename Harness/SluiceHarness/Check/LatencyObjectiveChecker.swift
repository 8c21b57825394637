import SluiceCore

/// The latency objective: the 99th percentile of end-to-end latency, over every sample of the history's
/// `latency` lines, is at most the limit. Latency counts from each record's scheduled time, so a
/// stalled job cannot hide its delay. Unknown when the history holds no sample.
public struct LatencyObjectiveChecker: Checker {
    public static let name = "latency-objective"
    public var name: String { Self.name }
    /// The largest p99 that passes, µs.
    public let p99LimitMicroseconds: Int64

    public init(p99LimitMicroseconds: Int64) {
        self.p99LimitMicroseconds = p99LimitMicroseconds
    }

    public func check(_ run: CheckedRun) -> CheckOutcome {
        var histogram = LatencyHistogram()
        var slowest: (latency: Int64, batch: BatchID?)?
        for entry in run.entries {
            guard case .latency(let samples) = entry.event else { continue }
            for latency in samples.latencyMicroseconds {
                histogram.record(latency)
                if latency > slowest?.latency ?? .min { slowest = (latency, samples.batch) }
            }
        }
        guard histogram.totalCount > 0, let slowest else { return .unknown(name, "the history holds no latency sample") }
        let summary = histogram.summary
        let limit = ReportNumbers.duration(p99LimitMicroseconds)
        let slowestText = "slowest \(ReportNumbers.duration(slowest.latency))" + (slowest.batch.map { " in batch \($0)" } ?? "")
        let figures = "over \(ReportNumbers.count(summary.count)) samples (p50 \(ReportNumbers.duration(summary.p50)), \(slowestText))"
        guard summary.p99 > p99LimitMicroseconds else {
            return CheckOutcome(checker: name, verdict: .valid, summary: "p99 \(ReportNumbers.duration(summary.p99)) within \(limit) \(figures)")
        }
        return CheckOutcome(
            checker: name, verdict: .invalid, batch: slowest.batch,
            discrepancy: Discrepancy(batch: nil, subject: "p99 latency", expected: "at most \(limit)", found: ReportNumbers.duration(summary.p99)),
            summary: figures
        )
    }
}
