/// Decodes JSON lines — one JSON object per line — into columns typed by an explicit schema: Spark's
/// JSON source with a user-given schema, dropping malformed records.
///
/// Keys are matched to the schema's field names exactly; keys the schema does not name are checked
/// for syntax and ignored (as Spark does), a key given twice keeps its last value, and a missing key
/// or a `null` is null. Values are read as:
/// - `int64`: a number without fraction or exponent, within range; `double`: any number, or the strings
///   `"NaN"`, `"Infinity"`, `"-Infinity"` (what writers put for non-finite values); `bool`: `true` or
///   `false`; `timestamp`: a string `yyyy-MM-dd HH:mm:ss[.ffffff]` in UTC.
/// - `string`: a string, escapes decoded (`\uXXXX` included, surrogate pairs joined); a number, `true`
///   or `false` as its JSON text; a nested object or array as its raw JSON text, as Spark does. Every
///   other type takes no nested value: a nested object or array there makes the line malformed.
///
/// A line that is not one valid JSON object, holds a value not of its field's type, lacks a value for
/// a non-nullable field, is not UTF-8, or is longer than `maximumLineBytes` is skipped and counted; the
/// first few are kept as problems naming the source, line, field and value. Lines end at `\n` (a `\r`
/// before it is dropped); blank lines are skipped.
public struct JSONLinesDecoder: RecordDecoder {
    public let schema: Schema
    /// Lines longer than this are malformed (1 MiB by default).
    public let maximumLineBytes: Int
    private let types: [DataType]
    private let names: [[UInt8]]

    public init(schema: Schema, maximumLineBytes: Int = 1 << 20) {
        self.schema = schema
        self.maximumLineBytes = maximumLineBytes
        self.types = schema.fields.map(\.type)
        self.names = schema.fields.map { Array($0.name.utf8) }
    }

    public func decode(_ bytes: [UInt8], source: String, firstLine: Int) -> DecodedRecords {
        let text = bytes.span
        let isAllUTF8 = UTF8Validation.problem(in: text) == nil
        var columns = StagedColumnsBuilder(schema: schema, capacity: bytes.count / max(16, 16 * schema.count))
        var result = DecodedRecords(batch: .empty(schema), lines: 0)
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start && text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = start ..< end
            result.lines += 1
            start = next
            if isBlank(text, line) { continue }
            do throws(MalformedRecord) {
                guard line.count <= maximumLineBytes else { throw .tooLong(bytes: line.count, limit: maximumLineBytes) }
                if !isAllUTF8, let reason = UTF8Validation.problem(in: text.extracting(line)) {
                    throw .invalidUTF8(field: nil, reason: reason)
                }
                columns.discardRow()
                var reader = try JSONObjectReader(text, line: line)
                while let member = try reader.nextMember(text) {
                    guard let column = try column(named: member, in: text, scratch: &columns.scratch) else { continue }
                    try stage(member, column: column, of: text, into: &columns)
                }
                try columns.commitRow(input: text)
            } catch {
                result.recordMalformed(InputProblem(source: source, line: firstLine + result.lines - 1, message: error.description))
            }
        }
        result.batch = columns.finish()
        return result
    }

    private func isBlank(_ text: Span<UInt8>, _ line: Range<Int>) -> Bool {
        for index in line where text[index] != UInt8(ascii: " ") && text[index] != UInt8(ascii: "\t") { return false }
        return true
    }

    /// The column that `member`'s key names, or nil when the schema has no such field.
    private func column(named member: JSONObjectReader.Member, in text: Span<UInt8>,
                        scratch: inout [UInt8]) throws(MalformedRecord) -> Int? {
        guard member.keyHasEscapes else { return column(matching: text.extracting(member.key)) }
        let start = scratch.count
        defer { scratch.removeSubrange(start...) }
        try JSONStringUnescaping.unescape(text.extracting(member.key), into: &scratch)
        let unescaped = scratch
        return column(matching: unescaped.span.extracting(start ..< unescaped.count))
    }

    private func column(matching key: Span<UInt8>) -> Int? {
        for column in names.indices where names[column].count == key.count {
            let name = names[column]
            var index = 0
            while index < key.count && name[index] == key[index] { index += 1 }
            if index == key.count { return column }
        }
        return nil
    }

    /// Stages `member`'s value in `column`, or fails if it is not of the column's type.
    private func stage(_ member: JSONObjectReader.Member, column: Int, of text: Span<UInt8>,
                       into columns: inout StagedColumnsBuilder) throws(MalformedRecord) {
        let type = types[column]
        let value = text.extracting(member.value)
        let cell: StagedColumnsBuilder.Cell?
        switch (member.kind, type) {
        case (.null, _):
            cell = .null
        case (.nested, .string), (.number, .string), (.bool, .string), (.string(hasEscapes: false), .string):
            cell = .inputText(member.value)
        case (.string(hasEscapes: true), _):
            let start = columns.scratch.count
            try JSONStringUnescaping.unescape(value, into: &columns.scratch)
            let unescaped = columns.scratch
            cell = type == .string
                ? .scratchText(start ..< unescaped.count)
                : scalar(fromString: unescaped.span.extracting(start ..< unescaped.count), type: type)
        case (.string(hasEscapes: false), _):
            cell = scalar(fromString: value, type: type)
        case (.nested, _):
            throw .nestedValue(field: schema.fields[column].name, type: type)
        case (.number(let isInteger), .int64):
            cell = isInteger ? ScalarText.int64(value).map { .scalar(UInt64(bitPattern: $0)) } : nil
        case (.number, .double):
            cell = ScalarText.double(value).map { .scalar($0.bitPattern) }
        case (.bool(let flag), .bool):
            cell = .scalar(flag ? 1 : 0)
        case (.number, _), (.bool, _):
            cell = nil
        }
        guard let cell else {
            let shown = if case .string = member.kind { "\"" + MalformedRecord.excerpt(value) + "\"" } else { MalformedRecord.excerpt(value) }
            throw .notOfType(field: schema.fields[column].name, type: type, text: shown)
        }
        columns.stage(cell, column: column)
    }

    /// A timestamp from its text, or a double from `NaN`, `Infinity` or `-Infinity`; nil for other types.
    private func scalar(fromString text: Span<UInt8>, type: DataType) -> StagedColumnsBuilder.Cell? {
        switch type {
        case .timestamp:
            return Timestamp(text: text).map { .scalar(UInt64(bitPattern: $0.microseconds)) }
        case .double:
            let isSpecial = !text.isEmpty && (text[0] == UInt8(ascii: "N") || text[0] == UInt8(ascii: "I")
                || (text.count > 1 && (text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")) && text[1] == UInt8(ascii: "I")))
            return isSpecial ? ScalarText.double(text).map { .scalar($0.bitPattern) } : nil
        case .int64, .bool, .string:
            return nil
        }
    }
}
