/// A cursor over a TOML document's UTF-8 bytes that knows its line: the layer below the parser, which
/// skips blanks and comments and reports errors at the current line.
struct TOMLScanner {
    private let bytes: [UInt8]
    private(set) var position = 0
    /// The current line, from 1.
    private(set) var line = 1
    /// The dotted key whose value is being read, named in errors.
    var currentKey: String?

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte `offset` places ahead, nil past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// Whether the next bytes are `text`.
    func looksAt(_ text: String) -> Bool {
        let expected = Array(text.utf8)
        guard position + expected.count <= bytes.count else { return false }
        return bytes[position ..< position + expected.count].elementsEqual(expected)
    }

    /// Moves past `count` bytes, none of them a line break.
    mutating func skip(_ count: Int = 1) {
        position += count
    }

    /// Moves past a line break (`\n` or `\r\n`) if one is next; a lone `\r` is an error.
    mutating func skipLineBreak() throws(TOMLSyntaxError) -> Bool {
        if peek() == UInt8(ascii: "\n") {
            position += 1
        } else if peek() == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw error("a carriage return must be followed by a line feed") }
            position += 2
        } else {
            return false
        }
        line += 1
        return true
    }

    /// Moves past spaces and tabs.
    mutating func skipBlanks() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
    }

    /// Moves past a comment, up to its line break, if one is next.
    mutating func skipComment() throws(TOMLSyntaxError) {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F { throw error("control character 0x\(String(byte, radix: 16)) in a comment") }
            position += 1
        }
    }

    /// Moves past blanks, comments and line breaks: what may stand between the elements of an array.
    mutating func skipBlanksCommentsAndLineBreaks() throws(TOMLSyntaxError) {
        while true {
            skipBlanks()
            try skipComment()
            guard try skipLineBreak() else { return }
        }
    }

    /// Moves past the rest of a line that must hold nothing but blanks and a comment, and its line break.
    mutating func finishLine(after what: String) throws(TOMLSyntaxError) {
        skipBlanks()
        try skipComment()
        if isAtEnd { return }
        guard try skipLineBreak() else {
            throw error("unexpected \(describeNext()) after \(what); put one key or table on each line")
        }
    }

    /// Takes `count` bytes as text, with invalid UTF-8 refused.
    mutating func take(_ count: Int) throws(TOMLSyntaxError) -> String {
        let slice = bytes[position ..< position + count]
        guard let text = String(validating: slice, as: UTF8.self) else { throw error("invalid UTF-8") }
        position += count
        return text
    }

    /// Takes the bytes up to the next blank, line break, comment or delimiter, as text.
    mutating func takeWord() throws(TOMLSyntaxError) -> String {
        var end = position
        while end < bytes.count, !" \t\r\n#,]}=".utf8.contains(bytes[end]) { end += 1 }
        return try take(end - position)
    }

    /// The next byte in words, for messages: `"x"`, `the end of the line`, `the end of the file`.
    func describeNext() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "the end of the line" }
        if byte >= 0x20 && byte < 0x7F { return "\"\(Character(Unicode.Scalar(byte)))\"" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// An error at the current line and key.
    func error(_ problem: String) -> TOMLSyntaxError {
        TOMLSyntaxError(line: line, key: currentKey, problem: problem)
    }
}
