import SluiceCore

/// Strict decoders for the text fields of an order line; each returns nil when the text is not of its form.
enum OrderFieldDecoding {
    /// `[-]digits` within the range of `Int64`: the core's integer reader, minus the `+` sign that order
    /// lines never carry.
    static func wholeNumber(_ text: Span<UInt8>) -> Int64? {
        guard text.isEmpty || text[0] != UInt8(ascii: "+") else { return nil }
        return ScalarText.int64(text)
    }

    /// `[-]digits[.digits]`, as the nearest `Double`.
    ///
    /// Up to 15 digits the value is `exactDecimal`; longer texts go through the standard library.
    static func decimal(_ text: Span<UInt8>) -> Double? {
        let isNegative = !text.isEmpty && text[0] == UInt8(ascii: "-")
        var index = isNegative ? 1 : 0
        var mantissa: Int64 = 0
        var digitCount = 0
        var fractionDigitCount = 0
        var sawPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, digitCount > 0 else { return nil }
                sawPoint = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if digitCount < 18 {
                    mantissa = mantissa * 10 + Int64(digit)
                }
                digitCount += 1
                fractionDigitCount += sawPoint ? 1 : 0
            }
            index += 1
        }
        guard digitCount > 0, !sawPoint || fractionDigitCount > 0 else { return nil }
        guard digitCount <= 15 else {
            return Double(String(decoding: ScalarText.copy(text), as: UTF8.self))
        }
        let magnitude = exactDecimal(mantissa: mantissa, fractionDigitCount: fractionDigitCount)
        return isNegative ? -magnitude : magnitude
    }

    /// `mantissa / 10^fractionDigitCount` rounded once, for a mantissa of at most 15 digits: both operands
    /// are exact in a `Double`, so this is the nearest `Double` to the decimal.
    @inline(__always)
    static func exactDecimal(mantissa: Int64, fractionDigitCount: Int) -> Double {
        var powerOfTen = 1.0
        for _ in 0..<fractionDigitCount {
            powerOfTen *= 10
        }
        return Double(mantissa) / powerOfTen
    }

    /// `B` (a buy, true) or `S` (a sell, false).
    static func side(_ text: Span<UInt8>) -> Bool? {
        guard text.count == 1 else { return nil }
        switch text[0] {
        case UInt8(ascii: "B"): return true
        case UInt8(ascii: "S"): return false
        default: return nil
        }
    }

    /// Whether `text` is a symbol: non-empty, valid UTF-8 (checked byte by byte only when not ASCII).
    static func isSymbol(_ text: Span<UInt8>) -> Bool {
        guard !text.isEmpty else { return false }
        for index in text.indices where text[index] >= 0x80 {
            return (try? UTF8Span(validating: text)) != nil
        }
        return true
    }
}
