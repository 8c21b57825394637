import Foundation

/// Rates in orders per second as scenario files write them: a number (`200000`, `2.5e5`) or a string
/// with an optional `k` (thousand) or `M` (million) and an optional `/s` (`"200k/s"`, `"1.5M/s"`,
/// `"200000/s"`, `"200k"`).
enum RateText {
    /// The examples an error shows.
    static let examples = "200000 or \"200k/s\""

    /// The rate `text` writes, nil if it is not one; never negative.
    static func parse(_ text: String) -> OrderRate? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasSuffix("/s") { rest = rest.dropLast(2) }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        var multiplier = 1.0
        if rest.hasSuffix("k") || rest.hasSuffix("K") {
            multiplier = 1e3
        } else if rest.hasSuffix("M") {
            multiplier = 1e6
        }
        if multiplier != 1 { rest = Substring(rest.dropLast().trimmingCharacters(in: .whitespaces)) }
        guard let value = NumberText.unsignedDecimal(Substring(rest.filter { $0 != "_" })) else { return nil }
        return OrderRate(value * multiplier)
    }

    /// `rate` as a file would write it: `500/s`, `200k/s`, `1.5M/s`.
    static func format(_ rate: OrderRate) -> String {
        let value = rate.ordersPerSecond
        if value >= 1e6 { return NumberText.compact(value / 1e6, decimals: 3) + "M/s" }
        if value >= 1e3 { return NumberText.compact(value / 1e3, decimals: 3) + "k/s" }
        return NumberText.compact(value, decimals: 3) + "/s"
    }
}
