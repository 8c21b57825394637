extension TOMLScanner {
    /// Reads a bare word as a boolean, integer or float; refuses dates and times, which scenarios do not
    /// use, and anything else that is not a TOML value.
    mutating func readScalar() throws(TOMLSyntaxError) -> TOMLValue {
        let line = line
        let word = try takeWord()
        guard !word.isEmpty else { throw error("expected a value, found \(describeNext())") }
        if word == "true" || word == "false" { return TOMLValue(.boolean(word == "true"), line: line, written: word) }
        if let integer = try integer(word) { return TOMLValue(.integer(integer), line: line, written: word) }
        if let float = Self.float(word) { return TOMLValue(.float(float), line: line, written: word) }
        if Self.looksLikeDate(word) {
            throw error("\(word) looks like a date or time, which scenarios do not use; write durations as strings such as \"500ms\"")
        }
        throw error("\(word) is not a TOML value; strings need quotes, as in \"\(word)\"")
    }

    /// A decimal integer (`-17`, `500_000`) or a hexadecimal, octal or binary one (`0xFF`, `0o17`,
    /// `0b101`); nil when `word` is not written as an integer, an error when it is one out of range.
    private func integer(_ word: String) throws(TOMLSyntaxError) -> Int64? {
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where word.hasPrefix(prefix) {
            let digits = word.dropFirst(2)
            guard Self.hasSeparatedDigits(digits, radix: radix) else { return nil }
            guard let value = Int64(digits.filter { $0 != "_" }, radix: radix) else { throw error("\(word) is out of the range of 64-bit integers") }
            return value
        }
        let unsigned = word.first == "+" || word.first == "-" ? word.dropFirst() : Substring(word)
        guard Self.hasSeparatedDigits(unsigned, radix: 10), unsigned == "0" || unsigned.first != "0" else { return nil }
        guard let value = Int64(word.filter { $0 != "_" && $0 != "+" }) else { throw error("\(word) is out of the range of 64-bit integers") }
        return value
    }

    /// A float with a fraction, an exponent or both (`0.001`, `5e5`, `-1.5E-3`), or `inf` or `nan`
    /// with an optional sign; nil when `word` is not written as one.
    private static func float(_ word: String) -> Double? {
        let unsigned = word.first == "+" || word.first == "-" ? word.dropFirst() : Substring(word)
        if unsigned == "inf" || unsigned == "nan" { return Double(word.replacingOccurrences(of: "+", with: "")) }
        let exponentStart = unsigned.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = unsigned[..<(exponentStart ?? unsigned.endIndex)]
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard hasSeparatedDigits(parts[0], radix: 10), parts[0] == "0" || parts[0].first != "0" else { return nil }
        guard parts.count == 2 || exponentStart != nil else { return nil }
        if parts.count == 2, !hasSeparatedDigits(parts[1], radix: 10) { return nil }
        if let exponentStart {
            var exponent = unsigned[unsigned.index(after: exponentStart)...]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard hasSeparatedDigits(exponent, radix: 10) else { return nil }
        }
        return Double(word.filter { $0 != "_" })
    }

    /// Whether `digits` is one or more digits of `radix`, with single underscores only between digits.
    private static func hasSeparatedDigits(_ digits: Substring, radix: Int) -> Bool {
        guard let first = digits.first, let last = digits.last, first != "_", last != "_", !digits.contains("__") else { return false }
        return digits.allSatisfy { $0 == "_" || $0.hexDigitValue.map { $0 < radix } == true }
    }

    /// Whether `word` starts like a TOML date (`2026-11-25`) or time (`07:32:00`).
    private static func looksLikeDate(_ word: String) -> Bool {
        let characters = Array(word)
        let isDate = characters.count >= 10 && characters[4] == "-" && characters[7] == "-" && characters[0 ..< 4].allSatisfy(\.isNumber)
        let isTime = characters.count >= 5 && characters[2] == ":" && characters[0 ..< 2].allSatisfy(\.isNumber)
        return isDate || isTime
    }
}
