/// Reads the members of one JSON object (RFC 8259) from a line, one at a time, without copying.
///
/// The reader is strict: the line must hold exactly one object and nothing but whitespace around it,
/// keys are strings, strings hold no raw control characters and only the escapes JSON defines, numbers
/// follow JSON's grammar (no `+`, no leading zeros, no `NaN`). Nested objects and arrays are checked
/// the same way (down to `maximumDepth` levels) and returned as their raw text. Escapes are checked
/// here but decoded only when a value is used (`JSONStringUnescaping`).
struct JSONObjectReader {
    /// What kind of value a member holds.
    enum Kind: Equatable {
        /// A string; its range excludes the quotes.
        case string(hasEscapes: Bool)
        /// A number; `isInteger` when it has neither a fraction nor an exponent.
        case number(isInteger: Bool)
        case bool(Bool)
        case null
        /// An object or an array, as raw JSON text.
        case nested
    }

    /// One `"key": value` of the object.
    struct Member {
        /// The key's bytes, without quotes.
        var key: Range<Int>
        var keyHasEscapes: Bool
        var kind: Kind
        /// The value's bytes (a string's without quotes).
        var value: Range<Int>
    }

    /// Objects and arrays nested deeper than this make the line malformed.
    static let maximumDepth = 64

    private var position: Int
    private let lineStart: Int
    private let end: Int
    private var isFirstMember = true
    private var isFinished = false

    /// Starts reading the object that should fill `text[line]`.
    init(_ text: Span<UInt8>, line: Range<Int>) throws(MalformedRecord) {
        position = line.lowerBound
        lineStart = line.lowerBound
        end = line.upperBound
        skipWhitespace(text)
        try expect(UInt8(ascii: "{"), in: text, what: "'{' (a line must hold one JSON object)")
    }

    /// The next member, or nil after the closing brace (checking that only whitespace follows it).
    mutating func nextMember(_ text: Span<UInt8>) throws(MalformedRecord) -> Member? {
        guard !isFinished else { return nil }
        skipWhitespace(text)
        if peek(text) == UInt8(ascii: "}") {
            position += 1
            skipWhitespace(text)
            guard position == end else { throw failure(text, expected: "the end of the line after the object") }
            isFinished = true
            return nil
        }
        if !isFirstMember {
            try expect(UInt8(ascii: ","), in: text, what: "',' or '}'")
            skipWhitespace(text)
        }
        isFirstMember = false
        guard peek(text) == UInt8(ascii: "\"") else { throw failure(text, expected: "a key in double quotes") }
        let (key, keyHasEscapes) = try readString(text)
        skipWhitespace(text)
        try expect(UInt8(ascii: ":"), in: text, what: "':' after the key")
        skipWhitespace(text)
        let start = position
        let kind = try readValue(text, depth: 1)
        let value = if case .string = kind { start + 1 ..< position - 1 } else { start ..< position }
        return Member(key: key, keyHasEscapes: keyHasEscapes, kind: kind, value: value)
    }

    private func peek(_ text: Span<UInt8>) -> UInt8? {
        position < end ? text[position] : nil
    }

    private mutating func skipWhitespace(_ text: Span<UInt8>) {
        while position < end {
            let byte = text[position]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
            else { return }
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8, in text: Span<UInt8>, what: String) throws(MalformedRecord) {
        guard peek(text) == byte else { throw failure(text, expected: what) }
        position += 1
    }

    /// A value of any kind at `position`, which ends up just after it.
    private mutating func readValue(_ text: Span<UInt8>, depth: Int) throws(MalformedRecord) -> Kind {
        guard let byte = peek(text) else { throw failure(text, expected: "a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(hasEscapes: try readString(text).hasEscapes)
        case UInt8(ascii: "t"): try readLiteral(Self.trueLiteral, text); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral(Self.falseLiteral, text); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral(Self.nullLiteral, text); return .null
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested(text, depth: depth)
            return .nested
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
            return .number(isInteger: try readNumber(text))
        default:
            throw failure(text, expected: "a value")
        }
    }

    /// A string starting at its opening quote: its content's range and whether it has escapes.
    private mutating func readString(_ text: Span<UInt8>) throws(MalformedRecord) -> (Range<Int>, hasEscapes: Bool) {
        position += 1
        let start = position
        var hasEscapes = false
        while position < end {
            let byte = text[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start ..< position - 1, hasEscapes)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try skipEscape(text)
                continue
            }
            guard byte >= 0x20 else { throw failure(text, expected: "no raw control character in a string (escape it)") }
            position += 1
        }
        throw failure(text, expected: "'\"' to close the string")
    }

    /// An escape starting at its backslash.
    private mutating func skipEscape(_ text: Span<UInt8>) throws(MalformedRecord) {
        position += 1
        switch peek(text) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            for _ in 0 ..< 4 {
                guard let byte = peek(text), JSONStringUnescaping.hexValue(byte) != nil else {
                    throw failure(text, expected: "four hex digits after \\u")
                }
                position += 1
            }
        default:
            throw failure(text, expected: "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
    }

    private static let trueLiteral = Array("true".utf8)
    private static let falseLiteral = Array("false".utf8)
    private static let nullLiteral = Array("null".utf8)

    private mutating func readLiteral(_ literal: [UInt8], _ text: Span<UInt8>) throws(MalformedRecord) {
        for byte in literal {
            guard peek(text) == byte else { throw failure(text, expected: "'\(String(decoding: literal, as: UTF8.self))'") }
            position += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; true when there is no fraction or exponent.
    private mutating func readNumber(_ text: Span<UInt8>) throws(MalformedRecord) -> Bool {
        if peek(text) == UInt8(ascii: "-") { position += 1 }
        if peek(text) == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits(text) > 0 else { throw failure(text, expected: "a digit") }
        }
        var isInteger = true
        if peek(text) == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits(text) > 0 else { throw failure(text, expected: "a digit after the decimal point") }
        }
        if let byte = peek(text), byte | 0x20 == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if peek(text) == UInt8(ascii: "+") || peek(text) == UInt8(ascii: "-") { position += 1 }
            guard digits(text) > 0 else { throw failure(text, expected: "a digit in the exponent") }
        }
        return isInteger
    }

    private mutating func digits(_ text: Span<UInt8>) -> Int {
        let start = position
        while let byte = peek(text), byte &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - start
    }

    /// An object or array starting at its bracket, checked member by member.
    private mutating func skipNested(_ text: Span<UInt8>, depth: Int) throws(MalformedRecord) {
        guard depth <= Self.maximumDepth else {
            throw failure(text, expected: "objects and arrays nested at most \(Self.maximumDepth) deep")
        }
        let isObject = text[position] == UInt8(ascii: "{")
        let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipWhitespace(text)
        if peek(text) == closing {
            position += 1
            return
        }
        while true {
            if isObject {
                guard peek(text) == UInt8(ascii: "\"") else { throw failure(text, expected: "a key in double quotes") }
                _ = try readString(text)
                skipWhitespace(text)
                try expect(UInt8(ascii: ":"), in: text, what: "':' after the key")
                skipWhitespace(text)
            }
            _ = try readValue(text, depth: depth + 1)
            skipWhitespace(text)
            if peek(text) == closing {
                position += 1
                return
            }
            try expect(UInt8(ascii: ","), in: text, what: "',' or '\(isObject ? "}" : "]")'")
            skipWhitespace(text)
        }
    }

    private func failure(_ text: Span<UInt8>, expected: String) -> MalformedRecord {
        let found: String
        if let byte = peek(text) {
            found = byte >= 0x20 && byte < 0x7F ? "'\(String(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        } else {
            found = "the end of the line"
        }
        return .invalidJSON(reason: "expected \(expected) at column \(position - lineStart + 1), found \(found)")
    }
}
