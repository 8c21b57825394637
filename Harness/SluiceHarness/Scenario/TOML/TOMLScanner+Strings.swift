extension TOMLScanner {
    /// Reads a string of any of TOML's four kinds: `"basic"`, `'literal'`, and their `"""` and `'''`
    /// multi-line forms, whose first line break is dropped.
    mutating func readString() throws(TOMLSyntaxError) -> String {
        if looksAt("\"\"\"") { return try readDelimited(quote: UInt8(ascii: "\""), multiline: true) }
        if looksAt("'''") { return try readDelimited(quote: UInt8(ascii: "'"), multiline: true) }
        return try readDelimited(quote: peek()!, multiline: false)
    }

    private mutating func readDelimited(quote: UInt8, multiline: Bool) throws(TOMLSyntaxError) -> String {
        let escapes = quote == UInt8(ascii: "\"")
        let opened = line
        skip(multiline ? 3 : 1)
        if multiline { _ = try skipLineBreak() }
        var result: [UInt8] = []
        while true {
            guard let byte = peek() else { throw TOMLSyntaxError(line: opened, key: currentKey, problem: "string not closed") }
            if byte == quote {
                if !multiline {
                    skip()
                    break
                }
                if looksAt(String(repeating: String(UnicodeScalar(quote)), count: 3)) {
                    var closing = 3
                    while closing < 5, peek(closing) == quote { closing += 1 }
                    result += Array(repeating: quote, count: closing - 3)
                    skip(closing)
                    break
                }
                result.append(byte)
                skip()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                guard multiline else { throw error("string not closed before the end of the line; use \"\"\" for text on several lines") }
                _ = try skipLineBreak()
                result.append(UInt8(ascii: "\n"))
            } else if byte == UInt8(ascii: "\\") && escapes {
                try readEscape(into: &result, multiline: multiline)
            } else if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                throw error("control character 0x\(String(byte, radix: 16)) in a string; write it as an escape such as \\u001F")
            } else {
                result.append(byte)
                skip()
            }
        }
        guard let text = String(validating: result, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return text
    }

    /// Reads one backslash escape of a basic string; in a multi-line one, a backslash ending a line
    /// removes the line break and the blanks after it.
    private mutating func readEscape(into result: inout [UInt8], multiline: Bool) throws(TOMLSyntaxError) {
        skip()
        guard let code = peek() else { throw error("string not closed") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let replacement = simple[code] {
            result.append(replacement)
            skip()
        } else if code == UInt8(ascii: "u") || code == UInt8(ascii: "U") {
            skip()
            let digits = try take(code == UInt8(ascii: "u") ? 4 : 8, orFail: "an escape \\\(Character(Unicode.Scalar(code))) needs \(code == UInt8(ascii: "u") ? 4 : 8) hexadecimal digits")
            guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw error("\\\(Character(Unicode.Scalar(code)))\(digits) is not a Unicode scalar value")
            }
            result += Array(String(scalar).utf8)
        } else if multiline && (code == UInt8(ascii: " ") || code == UInt8(ascii: "\t") || code == UInt8(ascii: "\n") || code == UInt8(ascii: "\r")) {
            skipBlanks()
            guard try skipLineBreak() else { throw error("only blanks may follow a line-ending backslash") }
            while true {
                skipBlanks()
                guard try skipLineBreak() else { break }
            }
        } else {
            throw error("unknown escape \\\(Character(Unicode.Scalar(code))) in a string; known escapes are \\b \\t \\n \\f \\r \\\" \\\\, \\u with four hexadecimal digits and \\U with eight")
        }
    }

    /// Takes `count` bytes on the current line, or fails with `problem`.
    private mutating func take(_ count: Int, orFail problem: String) throws(TOMLSyntaxError) -> String {
        for offset in 0 ..< count {
            guard let byte = peek(offset), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else { throw error(problem) }
        }
        return try take(count)
    }
}
