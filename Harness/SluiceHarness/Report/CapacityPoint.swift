/// One run of a capacity sweep: the rate offered at one batch interval and what the job sustained.
public struct CapacityPoint: Sendable, Equatable {
    /// The batch interval, µs; the curve has one line per interval.
    public var batchIntervalMicroseconds: Int64
    /// Records per second offered.
    public var offeredRate: Double
    /// Records per second processed.
    public var sustainedRate: Double
    /// End-to-end latency percentiles at that rate.
    public var latency: LatencySummary

    public init(batchIntervalMicroseconds: Int64, offeredRate: Double, sustainedRate: Double, latency: LatencySummary) {
        self.batchIntervalMicroseconds = batchIntervalMicroseconds
        self.offeredRate = offeredRate
        self.sustainedRate = sustainedRate
        self.latency = latency
    }
}
