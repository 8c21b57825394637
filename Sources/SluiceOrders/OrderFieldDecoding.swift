/// Strict decoders for the text fields of an order line; each returns nil when the text is not of its form.
enum OrderFieldDecoding {
    /// `[-]digits` within the range of `Int64`.
    static func wholeNumber(_ text: ArraySlice<UInt8>) -> Int64? {
        let isNegative = text.first == UInt8(ascii: "-")
        let digits = isNegative ? text.dropFirst() : text
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
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
    /// Up to 15 significant digits the value is computed exactly as `mantissa / 10^k` (both exact in a
    /// `Double`, so the one rounding is the division's); longer texts go through the standard library.
    static func decimal(_ text: ArraySlice<UInt8>) -> Double? {
        let isNegative = text.first == UInt8(ascii: "-")
        let unsigned = isNegative ? text.dropFirst() : text
        let point = unsigned.firstIndex(of: UInt8(ascii: "."))
        let wholeDigits = unsigned[..<(point ?? unsigned.endIndex)]
        let fractionDigits = point.map { unsigned[($0 + 1)...] } ?? []
        guard !wholeDigits.isEmpty, point == nil || !fractionDigits.isEmpty,
              wholeDigits.allSatisfy(isDigit), fractionDigits.allSatisfy(isDigit)
        else { return nil }
        let magnitude: Double
        if wholeDigits.count + fractionDigits.count <= 15 {
            var mantissa: Int64 = 0
            for byte in wholeDigits { mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0")) }
            for byte in fractionDigits { mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0")) }
            magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits.count]
        } else {
            guard let parsed = Double(String(decoding: unsigned, as: UTF8.self)) else { return nil }
            magnitude = parsed
        }
        return isNegative ? -magnitude : magnitude
    }

    /// `B` (a buy, true) or `S` (a sell, false).
    static func side(_ text: ArraySlice<UInt8>) -> Bool? {
        guard text.count == 1 else { return nil }
        switch text.first {
        case UInt8(ascii: "B"): return true
        case UInt8(ascii: "S"): return false
        default: return nil
        }
    }

    /// Non-empty, valid UTF-8.
    static func symbol(_ text: ArraySlice<UInt8>) -> String? {
        text.isEmpty ? nil : String(validating: text, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// 10⁰ through 10¹⁵, each exactly representable as a `Double`.
    private static let exactPowersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }
}
