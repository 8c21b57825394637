import Foundation

/// Relative changes as scenario files write them: a string with a sign and `%` (`"-10%"`, `"+20%"`,
/// `"15%"`) or a number of percent (`-10`, `20`, `2.5`).
enum PercentText {
    /// The signed change `text` writes, as a fraction (`"-10%"` is -0.1), nil if it is not one; the
    /// sign is nil when none was written.
    static func parse(_ text: String) -> (sign: FloatingPointSign?, fraction: Double)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard rest.hasSuffix("%") else { return nil }
        rest = rest.dropLast()
        var sign: FloatingPointSign?
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? .minus : .plus
            rest = rest.dropFirst()
        }
        guard let value = NumberText.unsignedDecimal(rest) else { return nil }
        return (sign, value / 100)
    }

    /// `fraction` as a change with a sign: `+20%`, `-10%`.
    static func format(_ fraction: Double) -> String {
        (fraction < 0 ? "-" : "+") + NumberText.compact(abs(fraction) * 100, decimals: 3) + "%"
    }
}
