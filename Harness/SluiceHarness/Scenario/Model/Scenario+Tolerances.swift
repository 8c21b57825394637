extension Scenario {
    /// How much worse a candidate may be than its baseline, figure by figure, before `compare` calls it a
    /// regression; each a fraction (0.1 is 10%). Throughput may drop by its tolerance, the latency
    /// percentiles may rise by theirs.
    public struct Tolerances: Sendable, Equatable {
        /// `throughput = "-10%"` by default.
        public var throughputDrop: Double
        /// `p50 = "+20%"` by default.
        public var p50Rise: Double
        /// `p90 = "+20%"` by default.
        public var p90Rise: Double
        /// `p99 = "+20%"` by default.
        public var p99Rise: Double
        /// `p999 = "+30%"` by default.
        public var p999Rise: Double
        /// `max = "+50%"` by default.
        public var maxRise: Double

        public init(throughputDrop: Double = 0.10, p50Rise: Double = 0.20, p90Rise: Double = 0.20, p99Rise: Double = 0.20, p999Rise: Double = 0.30, maxRise: Double = 0.50) {
            self.throughputDrop = throughputDrop
            self.p50Rise = p50Rise
            self.p90Rise = p90Rise
            self.p99Rise = p99Rise
            self.p999Rise = p999Rise
            self.maxRise = maxRise
        }
    }
}
