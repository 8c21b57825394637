/// The latency figures a report gives: the usual percentiles and the maximum, in µs.
public struct LatencySummary: Sendable, Equatable {
    /// Samples counted.
    public var count: Int64
    public var p50: Int64
    public var p90: Int64
    public var p99: Int64
    public var p999: Int64
    public var maximum: Int64

    public init(count: Int64, p50: Int64, p90: Int64, p99: Int64, p999: Int64, maximum: Int64) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.maximum = maximum
    }
}

extension LatencyHistogram {
    /// p50, p90, p99, p99.9 and the maximum of what was recorded.
    public var summary: LatencySummary {
        LatencySummary(
            count: totalCount,
            p50: value(atPercentile: 50),
            p90: value(atPercentile: 90),
            p99: value(atPercentile: 99),
            p999: value(atPercentile: 99.9),
            maximum: maximum
        )
    }
}
