/// Reads the subset of TOML 1.0 that scenario files use into a table of values with their lines.
///
/// The subset: comments; `key = value` lines with bare, quoted and dotted keys; `[table]` headers;
/// basic and literal strings, single- and multi-line; decimal, hexadecimal, octal and binary integers;
/// floats with `inf` and `nan`; booleans; arrays over several lines; one-line inline tables. Left out,
/// with an error that says so: arrays of tables (`[[…]]`) and dates and times. As TOML requires, a key
/// or table defined twice is an error, and so is extending an inline table.
enum TOMLParser {
    /// The document's root table, or the first syntax error.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        var reader = TOMLDocumentReader(scanner: TOMLScanner(text))
        try reader.readDocument()
        return reader.root
    }
}

/// The parser's state while it reads one document: the root so far and the table the last header opened.
private struct TOMLDocumentReader {
    var scanner: TOMLScanner
    var root = TOMLTable(line: 1, origin: .root)
    /// The path of the last `[header]`, empty before the first.
    var section: [String] = []

    /// Reads lines until the end: blank lines, comments, headers and keys.
    mutating func readDocument() throws(TOMLSyntaxError) {
        if scanner.looksAt("\u{FEFF}") { scanner.skip(3) }
        while true {
            try scanner.skipBlanksCommentsAndLineBreaks()
            if scanner.isAtEnd { return }
            if scanner.looksAt("[[") {
                throw scanner.error("arrays of tables ([[…]]) are not used by scenario files; write a list of values such as at = [\"after-state@3\"]")
            }
            if scanner.peek() == UInt8(ascii: "[") {
                try readHeader()
            } else {
                try readKeyValue()
            }
        }
    }

    /// `[a.b]`: opens the table, creating its parents, and makes it the section later keys go into.
    private mutating func readHeader() throws(TOMLSyntaxError) {
        let line = scanner.line
        scanner.skip()
        scanner.skipBlanks()
        let path = try readKey()
        guard scanner.peek() == UInt8(ascii: "]") else { throw scanner.error("expected \"]\" to close the table header, found \(scanner.describeNext())") }
        scanner.skip()
        try scanner.finishLine(after: "the table header [\(TOMLKey.dotted(path))]")
        try root.openHeader(path, line: line, walked: [])
        section = path
    }

    /// `key = value` in the current section.
    private mutating func readKeyValue() throws(TOMLSyntaxError) {
        let keyPath = try readKey()
        scanner.currentKey = TOMLKey.dotted(section + keyPath)
        defer { scanner.currentKey = nil }
        guard scanner.peek() == UInt8(ascii: "=") else {
            throw scanner.error("expected \"=\" after the key, found \(scanner.describeNext())")
        }
        scanner.skip()
        let value = try readValue()
        try scanner.finishLine(after: "the value")
        let section = section
        try root.updateTable(atPath: section) { table throws(TOMLSyntaxError) in
            try table.insert(value, atPath: keyPath, walked: section)
        }
    }

    /// A key, bare or quoted, with dotted parts; stops after the blanks that follow it.
    private mutating func readKey() throws(TOMLSyntaxError) -> [String] {
        var parts: [String] = []
        while true {
            scanner.skipBlanks()
            if scanner.looksAt("\"\"\"") || scanner.looksAt("'''") {
                throw scanner.error("a key cannot be a multi-line string")
            } else if scanner.peek() == UInt8(ascii: "\"") || scanner.peek() == UInt8(ascii: "'") {
                parts.append(try scanner.readString())
            } else {
                var length = 0
                while let byte = scanner.peek(length), TOMLKey.isBareCharacter(Unicode.Scalar(byte)) { length += 1 }
                guard length > 0 else { throw scanner.error("expected a key, found \(scanner.describeNext())") }
                parts.append(try scanner.take(length))
            }
            scanner.skipBlanks()
            guard scanner.peek() == UInt8(ascii: ".") else { return parts }
            scanner.skip()
        }
    }

    /// A value of any kind, after optional blanks.
    private mutating func readValue() throws(TOMLSyntaxError) -> TOMLValue {
        scanner.skipBlanks()
        let line = scanner.line
        switch scanner.peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return TOMLValue(.string(try scanner.readString()), line: line)
        case UInt8(ascii: "["):
            return try readArray()
        case UInt8(ascii: "{"):
            return try readInlineTable()
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw scanner.error("expected a value after \"=\", found \(scanner.describeNext())")
        default:
            return try scanner.readScalar()
        }
    }

    /// `[a, b, …]`, over any number of lines, with comments and a trailing comma allowed.
    private mutating func readArray() throws(TOMLSyntaxError) -> TOMLValue {
        let line = scanner.line
        scanner.skip()
        var elements: [TOMLValue] = []
        while true {
            try scanner.skipBlanksCommentsAndLineBreaks()
            if scanner.peek() == UInt8(ascii: "]") { break }
            elements.append(try readValue())
            try scanner.skipBlanksCommentsAndLineBreaks()
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.skip()
            } else if scanner.peek() != UInt8(ascii: "]") {
                throw scanner.error("expected \",\" or \"]\" in the list opened on line \(line), found \(scanner.describeNext())")
            }
        }
        scanner.skip()
        return TOMLValue(.array(elements), line: line)
    }

    /// `{ key = value, … }` on one line.
    private mutating func readInlineTable() throws(TOMLSyntaxError) -> TOMLValue {
        let line = scanner.line
        scanner.skip()
        var table = TOMLTable(line: line, origin: .inline)
        scanner.skipBlanks()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.skip()
            return TOMLValue(.table(table), line: line)
        }
        let outerKey = scanner.currentKey
        defer { scanner.currentKey = outerKey }
        while true {
            let keyPath = try readKey()
            scanner.currentKey = [outerKey, TOMLKey.dotted(keyPath)].compactMap { $0 }.joined(separator: ".")
            guard scanner.peek() == UInt8(ascii: "=") else { throw scanner.error("expected \"=\" after the key, found \(scanner.describeNext())") }
            scanner.skip()
            try table.insert(try readValue(), atPath: keyPath, walked: [])
            scanner.skipBlanks()
            scanner.currentKey = outerKey
            if scanner.peek() == UInt8(ascii: "}") { break }
            guard scanner.peek() == UInt8(ascii: ",") else {
                throw scanner.error("expected \",\" or \"}\" in the inline table, found \(scanner.describeNext()); an inline table must fit on one line")
            }
            scanner.skip()
            scanner.skipBlanks()
            if scanner.peek() == UInt8(ascii: "\n") || scanner.peek() == UInt8(ascii: "\r") {
                throw scanner.error("the inline table opened on line \(line) goes on past the line; an inline table must fit on one line")
            }
        }
        scanner.skip()
        return TOMLValue(.table(table), line: line)
    }
}
