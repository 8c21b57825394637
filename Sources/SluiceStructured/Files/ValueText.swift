import SluiceCore

/// The text forms the CSV and JSON-lines writers give values, chosen so that `CSVDecoder` and
/// `JSONLinesDecoder` read them back to the same values.
enum ValueText {
    /// Decimal digits with a leading `-` for negatives.
    static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// The shortest text that reads back as the same double (`1.0`, `2.5e-08`); `NaN`, `Infinity` and
    /// `-Infinity` for non-finite values.
    static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }
}
