/// One axis of a chart: its label with unit, and its scale. The range is chosen from the data, widened to
/// whole ticks.
public struct ChartAxis: Sendable {
    /// How values map to positions.
    public enum Scale: Sendable, Equatable {
        /// Equal steps for equal differences; ticks at 1, 2 or 5 × 10^k.
        case linear
        /// Equal steps for equal ratios, for values over several orders of magnitude; ticks at powers of
        /// ten (and 2 and 5 times them when the range is short). Values at or below zero are left out.
        case logarithmic
    }

    /// What the axis measures, e.g. "Time since start".
    public var label: String
    /// Its unit, shown in parentheses after the label, e.g. "s".
    public var unit: String
    public var scale: Scale
    /// Whether a linear axis reaches down to zero, as counts and durations should.
    public var includesZero: Bool

    public init(label: String, unit: String, scale: Scale = .linear, includesZero: Bool = false) {
        self.label = label
        self.unit = unit
        self.scale = scale
        self.includesZero = includesZero
    }

    /// The label as the chart prints it, e.g. "Latency (ms)".
    public var title: String { unit.isEmpty ? label : "\(label) (\(unit))" }
}
