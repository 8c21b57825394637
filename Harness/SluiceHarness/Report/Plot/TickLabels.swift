import Foundation

/// Tick labels for one axis. On a linear axis all are written alike: a thousand or million suffix chosen
/// by the largest tick (from 100,000 up: "250k", "1.5M") and as many decimals as the finest tick needs.
/// On a logarithmic axis, whose ticks differ by powers of ten, each label is as short as it can be
/// ("0.5", "20", "10k", "2M"). Numbers from 10,000 up have thousands separators.
public enum TickLabels {
    /// The labels of `values`, in order; `sameDecimals` false for a logarithmic axis.
    public static func labels(for values: [Double], sameDecimals: Bool = true) -> [String] {
        guard sameDecimals else {
            return values.map { value in
                let (divisor, suffix) = unit(for: abs(value), thousandsFrom: 10_000)
                return value == 0 ? "0" : format(value / divisor, decimals: decimalsNeeded(value / divisor)) + suffix
            }
        }
        let (divisor, suffix) = unit(for: values.map(abs).max() ?? 0, thousandsFrom: 100_000)
        let decimals = values.map { decimalsNeeded($0 / divisor) }.max() ?? 0
        return values.map { value in
            value == 0 ? "0" : format(value / divisor, decimals: decimals) + suffix
        }
    }

    /// A number with `decimals` decimals, without a negative zero, with thousands separators from 10,000 up.
    public static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", abs(value))
        if abs(value) >= 10_000 {
            let whole = text.prefix { $0 != "." }
            text = ReportNumbers.count(Int64(whole)!) + text.dropFirst(whole.count)
        }
        return (value < 0 && Double(text.filter { $0 != "," }) != 0 ? "-" : "") + text
    }

    /// The divisor and suffix for numbers as large as `magnitude`.
    private static func unit(for magnitude: Double, thousandsFrom: Double) -> (Double, String) {
        magnitude >= 1_000_000 ? (1_000_000, "M") : magnitude >= thousandsFrom ? (1_000, "k") : (1, "")
    }

    /// The fewest decimals, up to 6, that write `value` exactly enough.
    private static func decimalsNeeded(_ value: Double) -> Int {
        var scale = 1.0
        for decimals in 0 ... 6 {
            if abs((value * scale).rounded() - value * scale) < 1e-6 { return decimals }
            scale *= 10
        }
        return 6
    }
}
