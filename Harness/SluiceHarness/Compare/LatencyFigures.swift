/// The figures of a run's `latency.csv`: end-to-end latency percentiles in milliseconds.
public struct LatencyFigures: Sendable, Equatable {
    public var samples: Int64
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var maximum: Double

    public init(samples: Int64, p50: Double, p90: Double, p99: Double, p999: Double, maximum: Double) {
        self.samples = samples
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.maximum = maximum
    }
}
