import Foundation

/// Durations as scenario files write them: a number and a unit, or several (`"500ms"`, `"2s"`, `"1m"`,
/// `"1.5s"`, `"1m30s"`). Units: `h`, `m`, `s`, `ms`, `us` or `µs`, `ns`.
enum DurationText {
    /// The examples an error shows.
    static let examples = "\"500ms\", \"2s\" or \"1m\""

    private static let units: [(name: String, nanoseconds: Double)] = [
        ("ms", 1e6), ("us", 1e3), ("\u{B5}s", 1e3), ("\u{3BC}s", 1e3), ("ns", 1), ("h", 3600e9), ("m", 60e9), ("s", 1e9),
    ]

    /// The duration `text` writes, nil if it is not one; never negative.
    static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = NumberText.unsignedDecimal(number) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            guard let unit = units.first(where: { rest.hasPrefix($0.name) }) else { return nil }
            rest = rest.dropFirst(unit.name.count).drop { $0 == " " }
            total += value * unit.nanoseconds
        }
        guard total < 1e18 else { return nil }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// `duration` in its largest whole unit: `500ms`, `2s`, `1m`, `90s`, `1500ms`, `0s`.
    static func format(_ duration: Duration) -> String {
        let nanoseconds = duration.nanoseconds
        if nanoseconds == 0 { return "0s" }
        for (name, size) in [("h", Int64(3600e9)), ("m", Int64(60e9)), ("s", Int64(1e9)), ("ms", Int64(1e6)), ("us", Int64(1e3))] where nanoseconds % size == 0 {
            return "\(nanoseconds / size)\(name)"
        }
        return "\(nanoseconds)ns"
    }
}
