/// Strict readers of the text forms of scalar values, shared by the CSV and JSON-lines decoders; each
/// returns nil when the whole text is not of its form, and none allocates on the common path.
/// Public so that other decoders (the order parser) read integers the same way.
public enum ScalarText {
    /// `[+-]digits` within the range of `Int64`.
    public static func int64(_ text: Span<UInt8>) -> Int64? {
        guard !text.isEmpty else { return nil }
        let sign = text[0]
        let isNegative = sign == UInt8(ascii: "-")
        let firstDigit = isNegative || sign == UInt8(ascii: "+") ? 1 : 0
        guard firstDigit < text.count else { return nil }
        var magnitude: UInt64 = 0
        var index = firstDigit
        if text.count - firstDigit <= 18 {
            while index < text.count {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                magnitude = magnitude &* 10 &+ UInt64(digit)
                index += 1
            }
        } else {
            while index < text.count {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (shifted, overflowShifting) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdding) = shifted.addingReportingOverflow(UInt64(digit))
                guard !overflowShifting, !overflowAdding else { return nil }
                magnitude = sum
                index += 1
            }
        }
        if isNegative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]` (digits may be missing on one side of the point, as in
    /// `1.` or `.5`), or `NaN`, `Inf`, `Infinity` with an optional sign on the infinities; the nearest `Double`.
    ///
    /// With at most 19 significant digits and a power of ten that is exact in a `Double` (10^0 to 10^22),
    /// and a mantissa below 2^53, the value is one correctly rounded multiplication or division; other
    /// texts go through the standard library's correctly rounded conversion.
    static func double(_ text: Span<UInt8>) -> Double? {
        guard !text.isEmpty else { return nil }
        var index = 0
        let sign = text[0]
        let isNegative = sign == UInt8(ascii: "-")
        if isNegative || sign == UInt8(ascii: "+") { index = 1 }
        guard index < text.count else { return nil }
        let first = text[index]
        if first == UInt8(ascii: "N") || first == UInt8(ascii: "I") {
            return special(text, from: index, isNegative: isNegative, hasSign: index == 1)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var decimalExponent = 0
        var sawPoint = false
        while index < text.count {
            let byte = text[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digitCount += 1
                if mantissa != 0 || digit != 0 {
                    if significantDigits < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        if sawPoint { decimalExponent -= 1 }
                    } else if !sawPoint {
                        decimalExponent += 1
                    }
                    significantDigits += 1
                } else if sawPoint {
                    decimalExponent -= 1
                }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        if index < text.count {
            guard text[index] | 0x20 == UInt8(ascii: "e"), let exponent = exponent(text, from: index + 1) else { return nil }
            decimalExponent += exponent
        }
        if significantDigits <= 19, mantissa < 1 << 53, (-22 ... 22).contains(decimalExponent) {
            let magnitude = decimalExponent >= 0
                ? Double(mantissa) * powersOfTen[decimalExponent]
                : Double(mantissa) / powersOfTen[-decimalExponent]
            return isNegative ? -magnitude : magnitude
        }
        if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
        return Double(String(decoding: copy(text), as: UTF8.self))
    }

    /// `true` or `false` in any mix of cases (as Spark reads booleans).
    static func bool(_ text: Span<UInt8>) -> Bool? {
        if text.count == 4, text[0] | 0x20 == UInt8(ascii: "t"), text[1] | 0x20 == UInt8(ascii: "r"),
           text[2] | 0x20 == UInt8(ascii: "u"), text[3] | 0x20 == UInt8(ascii: "e") {
            return true
        }
        if text.count == 5, text[0] | 0x20 == UInt8(ascii: "f"), text[1] | 0x20 == UInt8(ascii: "a"),
           text[2] | 0x20 == UInt8(ascii: "l"), text[3] | 0x20 == UInt8(ascii: "s"), text[4] | 0x20 == UInt8(ascii: "e") {
            return false
        }
        return nil
    }

    /// The bytes of `text` in an array (for slow paths and messages).
    public static func copy(_ text: Span<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for index in text.indices { bytes.append(text[index]) }
        return bytes
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The exponent `[+-]digits` from `start` to the end of `text`, clamped far beyond any finite double.
    private static func exponent(_ text: Span<UInt8>, from start: Int) -> Int? {
        var index = start
        guard index < text.count else { return nil }
        let isNegative = text[index] == UInt8(ascii: "-")
        if isNegative || text[index] == UInt8(ascii: "+") { index += 1 }
        guard index < text.count else { return nil }
        var value = 0
        while index < text.count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = min(value * 10 + Int(digit), 100_000)
            index += 1
        }
        return isNegative ? -value : value
    }

    /// `NaN` (unsigned), `Inf` or `Infinity` (signed or not), starting at `start`.
    private static func special(_ text: Span<UInt8>, from start: Int, isNegative: Bool, hasSign: Bool) -> Double? {
        let word = String(decoding: copy(text.extracting(start ..< text.count)), as: UTF8.self)
        switch word {
        case "NaN" where !hasSign: return .nan
        case "Inf", "Infinity": return isNegative ? -.infinity : .infinity
        default: return nil
        }
    }
}
