/// Finds the fields of one CSV record (RFC 4180) without copying them.
///
/// A record ends at a `\n` outside quotes (a `\r` before it is dropped) or at the end of the input. A
/// field that starts with `"` is quoted: it runs to the next `"` not doubled, may hold delimiters and
/// line breaks, and `""` inside it stands for one `"`. A `"` inside an unquoted field is an ordinary
/// byte, as in Spark's parser. A quoted field must end at a delimiter or the end of the record; if it
/// does not, the record is malformed but is still scanned to its end, quotes respected.
struct CSVRecordScanner {
    /// One field of the scanned record.
    struct Field {
        /// The field's bytes in the input, without enclosing quotes.
        var range: Range<Int>
        /// Whether the field was enclosed in quotes (so an empty one is an empty string, not null).
        var isQuoted: Bool
        /// Whether the field holds `""`, which must be unescaped to `"`.
        var hasDoubledQuotes: Bool
    }

    /// What a scan found.
    struct Record {
        /// Where the next record starts.
        var next: Int
        /// How many lines the record spans (line breaks inside quotes count).
        var lines: Int
        /// The record's length in bytes, without its line break.
        var byteCount: Int
    }

    let delimiter: UInt8
    /// The fields of the last record: the first `min(fieldCount, storedFieldLimit)` are its own.
    private(set) var fields: [Field]
    /// How many fields the last record had (also those beyond `storedFieldLimit`).
    private(set) var fieldCount = 0
    /// Why the last record is malformed, if its quoting is.
    private(set) var failure: MalformedRecord?
    private let storedFieldLimit: Int

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// A scanner for records that should have `expectedFields` fields; more are counted but not kept.
    init(delimiter: UInt8, expectedFields: Int) {
        self.delimiter = delimiter
        self.storedFieldLimit = max(1, expectedFields)
        fields = Array(repeating: Field(range: 0 ..< 0, isQuoted: false, hasDoubledQuotes: false), count: storedFieldLimit)
    }

    /// Whether the last record was an empty line.
    var isBlankLine: Bool {
        fieldCount == 1 && fields[0].range.isEmpty && !fields[0].isQuoted && failure == nil
    }

    /// Scans the record starting at `start` (which must be before the end of `text`); `line` is the
    /// number of its first line, for naming an unclosed quote.
    mutating func scan(_ text: Span<UInt8>, from start: Int, line: Int) -> Record {
        fieldCount = 0
        failure = nil
        var record = Record(next: text.count, lines: 1, byteCount: 0)
        var position = start
        while true {
            var field = Field(range: position ..< position, isQuoted: false, hasDoubledQuotes: false)
            if position < text.count && text[position] == Self.quote {
                let openedAtLine = line + record.lines - 1
                field.isQuoted = true
                position = scanQuoted(text, from: position + 1, into: &field, record: &record)
                guard position <= text.count else {
                    failure = .unclosedQuote(openedAtLine: openedAtLine)
                    record.byteCount = text.count - start
                    if text[text.count - 1] == Self.newline { record.lines -= 1 }
                    store(field)
                    return record
                }
                if position < text.count, text[position] != delimiter, !isLineEnd(text, at: position) {
                    if failure == nil {
                        failure = .textAfterClosingQuote(fieldNumber: fieldCount + 1, byte: text[position])
                    }
                    position = scanUnquoted(text, from: position)
                }
            } else {
                position = scanUnquoted(text, from: position)
                let dropsCarriageReturn = position > field.range.lowerBound && text[position - 1] == Self.carriageReturn
                    && (position == text.count || text[position] == Self.newline)
                field.range = field.range.lowerBound ..< (dropsCarriageReturn ? position - 1 : position)
            }
            store(field)
            guard position < text.count, text[position] == delimiter else { break }
            position += 1
        }
        var contentEnd = position
        if position < text.count, text[position] == Self.carriageReturn {
            position += 1
        }
        if position < text.count {
            position += 1
        }
        if contentEnd > start, text[contentEnd - 1] == Self.carriageReturn {
            contentEnd -= 1
        }
        record.next = position
        record.byteCount = contentEnd - start
        return record
    }

    @inline(__always) private mutating func store(_ field: Field) {
        if fieldCount < storedFieldLimit { fields[fieldCount] = field }
        fieldCount += 1
    }

    /// Whether a line ends at `position`: a `\n`, or a `\r` followed by `\n` or the end of the input.
    @inline(__always) private func isLineEnd(_ text: Span<UInt8>, at position: Int) -> Bool {
        let byte = text[position]
        return byte == Self.newline
            || (byte == Self.carriageReturn && (position + 1 == text.count || text[position + 1] == Self.newline))
    }

    /// Scans a quoted field's content from `start` (just after the opening quote); returns the position
    /// after the closing quote, or one past the end of the input if there is none (the field then runs to it).
    private func scanQuoted(_ text: Span<UInt8>, from start: Int, into field: inout Field, record: inout Record) -> Int {
        var position = start
        while position < text.count {
            let byte = text[position]
            if byte == Self.quote {
                if position + 1 < text.count && text[position + 1] == Self.quote {
                    field.hasDoubledQuotes = true
                    position += 2
                    continue
                }
                field.range = start ..< position
                return position + 1
            }
            if byte == Self.newline { record.lines += 1 }
            position += 1
        }
        field.range = start ..< text.count
        return text.count + 1
    }

    /// The position of the first delimiter or `\n` at or after `start` (or the end of the input).
    @inline(__always) private func scanUnquoted(_ text: Span<UInt8>, from start: Int) -> Int {
        var position = start
        while position < text.count {
            let byte = text[position]
            if byte == delimiter || byte == Self.newline { break }
            position += 1
        }
        return position
    }
}
