/// One figure `compare` judges, and which way is worse: throughput may drop by its tolerance, the times
/// may rise by theirs.
///
/// The scenario's ``Scenario/Tolerances`` name a tolerance per percentile, and each applies to every
/// figure at that percentile: `p99` to the end-to-end latency p99, the processing time p99 and the
/// scheduling delay p99; `p50` also to the mean processing time.
public enum RegressionFigure: String, Sendable, CaseIterable, Equatable {
    case throughput
    case processingMean
    case processingP50
    case processingP99
    case schedulingDelayP99
    case latencyP50
    case latencyP90
    case latencyP99
    case latencyP999
    case latencyMax

    /// The name in the table and in messages.
    public var title: String {
        switch self {
        case .throughput: "throughput (rows/s)"
        case .processingMean: "processing time mean (ms)"
        case .processingP50: "processing time p50 (ms)"
        case .processingP99: "processing time p99 (ms)"
        case .schedulingDelayP99: "scheduling delay p99 (ms)"
        case .latencyP50: "latency p50 (ms)"
        case .latencyP90: "latency p90 (ms)"
        case .latencyP99: "latency p99 (ms)"
        case .latencyP999: "latency p99.9 (ms)"
        case .latencyMax: "latency max (ms)"
        }
    }

    /// True for throughput, where a larger candidate is better; the times are better smaller.
    public var higherIsBetter: Bool { self == .throughput }

    /// The change this figure may make the wrong way, as a fraction of the baseline.
    public func tolerance(in tolerances: Scenario.Tolerances) -> Double {
        switch self {
        case .throughput: tolerances.throughputDrop
        case .processingMean, .processingP50, .latencyP50: tolerances.p50Rise
        case .latencyP90: tolerances.p90Rise
        case .processingP99, .schedulingDelayP99, .latencyP99: tolerances.p99Rise
        case .latencyP999: tolerances.p999Rise
        case .latencyMax: tolerances.maxRise
        }
    }
}
