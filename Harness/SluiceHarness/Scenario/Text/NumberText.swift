import Foundation

/// A decimal number in the fewest characters, as scenario files and listings show numbers.
enum NumberText {
    /// `500`, `1.5`, `0.001`, `99.9`: up to `decimals` places, trailing zeros dropped.
    static func compact(_ value: Double, decimals: Int = 6) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.\(decimals)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Reads a plain decimal such as `200`, `1.5` or `.5`; no sign, exponent or separators.
    static func unsignedDecimal(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.filter({ $0 == "." }).count <= 1, text != "." else { return nil }
        return Double(text.hasPrefix(".") ? "0" + text : String(text))
    }
}
