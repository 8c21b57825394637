/// Decodes CSV text (RFC 4180) into columns typed by an explicit schema: Spark's CSV source with a
/// user-given schema, dropping malformed records.
///
/// Fields are matched to the schema by position and read as:
/// - `int64`: `[+-]digits`; `double`: decimal or scientific notation, `NaN`, `Inf`, `Infinity` (signed);
///   `bool`: `true` or `false` in any case; `timestamp`: `yyyy-MM-dd HH:mm:ss[.ffffff]` in UTC;
///   `string`: the field's bytes, which must be UTF-8. No field is trimmed.
/// - An empty unquoted field is null; a quoted empty field (`""`) is the empty string, and not a value
///   of any other type. A null in a non-nullable field makes the record malformed.
/// - Quoted fields may hold delimiters, `""` for a quote, and line breaks (then the record spans lines;
///   problems name the line it starts on). Records end at `\n` or `\r\n`; blank lines are skipped, as
///   Spark does; with `header`, the first record of the input (when `firstLine` is 1) is skipped.
///
/// A record with the wrong number of fields, a value that is not of its field's type, bytes that are
/// not UTF-8 in a string field, broken quoting, or more than `maximumRecordBytes` bytes is skipped and
/// counted, and the first few are kept as problems such as
/// `orders.csv line 3021: field 'price': 'abc' is not a double`.
///
/// Quoted line breaks need the whole record in one call: `DirectoryInput` passes whole files; inputs
/// that pass pieces cut at line ends (a socket) can only carry records without them.
public struct CSVDecoder: RecordDecoder {
    public let schema: Schema
    /// Whether the first record of the input is a header to skip.
    public let header: Bool
    /// The byte between fields.
    public let delimiter: UInt8
    /// Records longer than this are malformed (1 MiB by default).
    public let maximumRecordBytes: Int
    private let types: [DataType]

    /// A decoder of records with `schema`'s fields, in order; `delimiter` must be one ASCII character
    /// other than a quote or a line break.
    public init(schema: Schema, header: Bool = false, delimiter: Character = ",", maximumRecordBytes: Int = 1 << 20) {
        precondition(delimiter.isASCII && delimiter.utf8.count == 1 && !"\"\r\n".contains(delimiter),
                     "CSVDecoder: the delimiter must be one ASCII character other than a quote or a line break, got '\(delimiter)'")
        self.schema = schema
        self.header = header
        self.delimiter = delimiter.asciiValue!
        self.maximumRecordBytes = maximumRecordBytes
        self.types = schema.fields.map(\.type)
    }

    public func decode(_ bytes: [UInt8], source: String, firstLine: Int) -> DecodedRecords {
        let text = bytes.span
        var columns = StagedColumnsBuilder(schema: schema, capacity: bytes.count / max(8, 4 * schema.count))
        var scanner = CSVRecordScanner(delimiter: delimiter, expectedFields: schema.count)
        var result = DecodedRecords(batch: .empty(schema), lines: 0)
        var isHeaderPending = header && firstLine == 1
        var position = 0
        while position < text.count {
            let line = firstLine + result.lines
            let record = scanner.scan(text, from: position, line: line)
            result.lines += record.lines
            position = record.next
            if scanner.isBlankLine { continue }
            if isHeaderPending {
                isHeaderPending = false
                continue
            }
            do throws(MalformedRecord) {
                guard record.byteCount <= maximumRecordBytes else {
                    throw .tooLong(bytes: record.byteCount, limit: maximumRecordBytes)
                }
                if let failure = scanner.failure { throw failure }
                guard scanner.fieldCount == types.count else {
                    throw .fieldCount(found: scanner.fieldCount, expected: types.count)
                }
                try stage(scanner.fields, of: text, into: &columns)
                try columns.commitRow(input: text)
            } catch {
                columns.discardRow()
                result.recordMalformed(InputProblem(source: source, line: line, message: error.description))
            }
        }
        result.batch = columns.finish()
        return result
    }

    /// Stages the value of every field of a record that has one field per column.
    private func stage(_ fields: [CSVRecordScanner.Field], of text: Span<UInt8>,
                       into columns: inout StagedColumnsBuilder) throws(MalformedRecord) {
        for column in types.indices {
            let field = fields[column]
            if field.range.isEmpty && !field.isQuoted {
                columns.stage(.null, column: column)
                continue
            }
            let value = text.extracting(field.range)
            let type = types[column]
            if type == .string {
                try stageString(field, value, column: column, into: &columns)
                continue
            }
            let bits: UInt64? = switch type {
            case .int64: ScalarText.int64(value).map { UInt64(bitPattern: $0) }
            case .double: ScalarText.double(value)?.bitPattern
            case .bool: ScalarText.bool(value).map { $0 ? 1 : 0 }
            case .timestamp: Timestamp(text: value).map { UInt64(bitPattern: $0.microseconds) }
            case .string: nil
            }
            guard let bits else {
                throw .notOfType(field: schema.fields[column].name, type: type, text: MalformedRecord.excerpt(value))
            }
            columns.stage(.scalar(bits), column: column)
        }
    }

    private func stageString(_ field: CSVRecordScanner.Field, _ value: Span<UInt8>, column: Int,
                             into columns: inout StagedColumnsBuilder) throws(MalformedRecord) {
        if let reason = UTF8Validation.problem(in: value) {
            throw .invalidUTF8(field: schema.fields[column].name, reason: reason)
        }
        guard field.hasDoubledQuotes else {
            columns.stage(.inputText(field.range), column: column)
            return
        }
        let start = columns.scratch.count
        var index = 0
        while index < value.count {
            let byte = value[index]
            columns.scratch.append(byte)
            index += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        columns.stage(.scratchText(start ..< columns.scratch.count), column: column)
    }
}
