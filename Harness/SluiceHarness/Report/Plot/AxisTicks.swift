import Foundation

/// Where an axis starts and ends and where its ticks go.
///
/// A linear axis steps by a "nice" number, 1, 2 or 5 × 10^k, and starts and ends on a tick: of the
/// steps giving 5 to 9 ticks, the one wasting the least room wins, and among those the one nearest
/// to six ticks. A logarithmic axis starts
/// and ends on a 1, 2 or 5 × 10^k around the data; over at most two and a half decades every such
/// value is a tick, over more only the powers of ten (and the ends).
public struct AxisTicks: Sendable, Equatable {
    /// The axis's first value.
    public let lower: Double
    /// The axis's last value.
    public let upper: Double
    /// The tick values, from lower to upper.
    public let values: [Double]

    /// Ticks for data spanning `minimum ... maximum`, on `scale`.
    public init(minimum: Double, maximum: Double, scale: ChartAxis.Scale, includesZero: Bool = false) {
        switch scale {
        case .linear: self = Self.linear(minimum: minimum, maximum: maximum, includesZero: includesZero)
        case .logarithmic: self = Self.logarithmic(minimum: minimum, maximum: maximum)
        }
    }

    private init(lower: Double, upper: Double, values: [Double]) {
        self.lower = lower
        self.upper = upper
        self.values = values
    }

    /// The smallest of 1, 2, 5 and 10 × 10^k that is at least `rough`.
    public static func niceStep(atLeast rough: Double) -> Double {
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = [1, 2, 5].first { fraction <= $0 * (1 + 1e-9) } ?? 10
        return nice * magnitude
    }

    private static func linear(minimum: Double, maximum: Double, includesZero: Bool) -> AxisTicks {
        var low = minimum
        var high = maximum
        if !low.isFinite || !high.isFinite || low > high { (low, high) = (0, 1) }
        if includesZero { (low, high) = (min(low, 0), max(high, 0)) }
        if low == high {
            let spread = low == 0 ? 1 : abs(low) / 2
            (low, high) = (includesZero && low >= 0 ? 0 : low - spread, high + spread)
        }
        let candidates = (4 ... 8).map { count -> (first: Double, last: Double, step: Double) in
            let step = niceStep(atLeast: (high - low) / Double(count))
            return ((low / step + 1e-9).rounded(.down), (high / step - 1e-9).rounded(.up), step)
        }
        let best = candidates.min { left, right in
            let leftSpan = (left.last - left.first) * left.step
            let rightSpan = (right.last - right.first) * right.step
            if abs(leftSpan - rightSpan) > rightSpan * 1e-9 { return leftSpan < rightSpan }
            return abs(left.last - left.first - 5) < abs(right.last - right.first - 5)
        }!
        let values = stride(from: best.first, through: best.last, by: 1).map { $0 * best.step }
        return AxisTicks(lower: best.first * best.step, upper: best.last * best.step, values: values)
    }

    private static func logarithmic(minimum: Double, maximum: Double) -> AxisTicks {
        var low = minimum
        var high = maximum
        if !(low > 0) || !high.isFinite || low > high { (low, high) = (1, 10) }
        let firstPower = Int(log10(low).rounded(.down))
        let lastPower = Int(log10(high).rounded(.up))
        let candidates = (firstPower ... lastPower).flatMap { power in [1.0, 2, 5].map { $0 * pow(10, Double(power)) } }
        let lower = candidates.last { $0 <= low * (1 + 1e-9) } ?? candidates[0]
        var upper = candidates.first { $0 >= high * (1 - 1e-9) } ?? candidates[candidates.count - 1]
        if upper <= lower { upper = candidates.first { $0 > lower * (1 + 1e-9) } ?? lower * 2 }
        let inside = candidates.filter { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }
        guard log10(upper / lower) > 2.5 else { return AxisTicks(lower: lower, upper: upper, values: inside) }
        let powers = inside.filter { abs(log10($0) - log10($0).rounded()) < 1e-9 }
        let values = ([lower] + powers + [upper]).reduce(into: [Double]()) { kept, value in
            if kept.last.map({ abs($0 - value) > value * 1e-9 }) ?? true { kept.append(value) }
        }
        return AxisTicks(lower: lower, upper: upper, values: values)
    }
}
