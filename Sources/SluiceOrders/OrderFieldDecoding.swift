/// Strict decoders for the text fields of an order line; each returns nil when the text is not of its form.
enum OrderFieldDecoding {
    /// `[-]digits` within the range of `Int64`.
    static func wholeNumber(_ text: Span<UInt8>) -> Int64? {
        let isNegative = !text.isEmpty && text[0] == UInt8(ascii: "-")
        let firstDigit = isNegative ? 1 : 0
        guard firstDigit < text.count else { return nil }
        var magnitude: UInt64 = 0
        for index in firstDigit..<text.count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowShifting) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflowShifting, !overflowAdding else { return nil }
            magnitude = sum
        }
        if isNegative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
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
            return Double(String(decoding: copy(text), as: UTF8.self))
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

    /// The bytes of `text` in an array (for the slow paths that need one).
    static func copy(_ text: Span<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for index in text.indices {
            bytes.append(text[index])
        }
        return bytes
    }
}
