extension Scenario {
    /// What the checkers verify from the run's history.
    public struct Checks: Sendable, Equatable {
        /// Every order counted once in the sink after the run: nothing lost, nothing twice; on by default.
        public var exactlyOnce: Bool
        /// After every committed batch, the sink holds the answer over the input prefix its committed
        /// offsets cover; on by default.
        public var prefixIntegrity: Bool
        /// A limit on a percentile of end-to-end latency; none by default.
        public var latency: LatencyObjective?

        public init(exactlyOnce: Bool = true, prefixIntegrity: Bool = true, latency: LatencyObjective? = nil) {
            self.exactlyOnce = exactlyOnce
            self.prefixIntegrity = prefixIntegrity
            self.latency = latency
        }
    }

    /// The run passes when the `percentile`th percentile of end-to-end latency is below `under`.
    public struct LatencyObjective: Sendable, Equatable, CustomStringConvertible {
        /// Above 0 and below 100; 99 by default.
        public var percentile: Double
        public var under: Duration

        public static let defaultPercentile = 99.0

        public init(percentile: Double = defaultPercentile, under: Duration) {
            self.percentile = percentile
            self.under = under
        }

        /// `p99 < 500ms`.
        public var description: String {
            "p\(NumberText.compact(percentile)) < \(DurationText.format(under))"
        }
    }
}
