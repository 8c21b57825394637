extension Scenario {
    /// The replayer's offered load over time. The schedule is fixed in advance (open loop): order i is due
    /// when the integral of the rate reaches i, whatever the job does.
    public enum OfferedRate: Sendable, Equatable {
        /// The same rate throughout (`kind = "constant"`, `at`).
        case constant(OrderRate)
        /// From `from` to `to` linearly over `over`, then `to` (`kind = "ramp"`).
        case ramp(from: OrderRate, to: OrderRate, over: Duration)
        /// `base`, except for the first `length` of every `every`, which run at `burst` (`kind = "bursts"`).
        case bursts(base: OrderRate, burst: OrderRate, length: Duration, every: Duration)

        /// The value of `kind` that selects this shape.
        public var kind: String {
            switch self {
            case .constant: "constant"
            case .ramp: "ramp"
            case .bursts: "bursts"
            }
        }

        /// The rate `elapsed` after the replay starts.
        public func rate(at elapsed: Duration) -> OrderRate {
            switch self {
            case .constant(let rate):
                return rate
            case .ramp(let from, let to, let over):
                guard elapsed < over else { return to }
                let progress = max(0, elapsed / over)
                return OrderRate(from.ordersPerSecond + (to.ordersPerSecond - from.ordersPerSecond) * progress)
            case .bursts(let base, let burst, let length, let every):
                let phase = Duration.nanoseconds(max(0, elapsed.nanoseconds % every.nanoseconds))
                return phase < length ? burst : base
            }
        }

        /// The highest rate the shape reaches.
        public var peak: OrderRate {
            switch self {
            case .constant(let rate): rate
            case .ramp(let from, let to, _): max(from, to)
            case .bursts(let base, let burst, _, _): max(base, burst)
            }
        }
    }
}

/// A rate of orders offered, in orders per second.
public struct OrderRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Finite and not negative when read from a file.
    public var ordersPerSecond: Double

    public init(_ ordersPerSecond: Double) {
        self.ordersPerSecond = ordersPerSecond
    }

    public static func < (left: OrderRate, right: OrderRate) -> Bool {
        left.ordersPerSecond < right.ordersPerSecond
    }

    /// As scenario files write it: `500/s`, `200k/s`, `1.5M/s`.
    public var description: String { RateText.format(self) }
}

extension Duration {
    /// The whole duration in nanoseconds, saturating past Int64's range.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}
