/// Why a decoder skipped a record; its `description` is the message of the `InputProblem` sample, which
/// adds the source and the line: `orders.csv line 3021: field 'price': 'abc' is not a double`.
enum MalformedRecord: Error, Equatable, CustomStringConvertible {
    /// The text of `field` (an `excerpt`) is not a value of `type`.
    case notOfType(field: String, type: DataType, text: String)
    /// A nested JSON object or array where `field` holds a scalar.
    case nestedValue(field: String, type: DataType)
    /// An empty CSV field or a JSON null in a field that may not be null.
    case nullInNonNullableField(String)
    /// A JSON object without a key for a field that may not be null.
    case missingNonNullableField(String)
    /// A CSV record whose field count differs from the schema's.
    case fieldCount(found: Int, expected: Int)
    /// A record longer than the decoder's limit.
    case tooLong(bytes: Int, limit: Int)
    /// A string field whose bytes are not UTF-8.
    case invalidUTF8(field: String?, reason: String)
    /// A CSV quoted field that the input ends inside of.
    case unclosedQuote(openedAtLine: Int)
    /// A CSV quoted field followed by something other than a delimiter or the end of the record.
    case textAfterClosingQuote(fieldNumber: Int, byte: UInt8)
    /// A line that is not one JSON object, or a string escape that names no character; `reason` says what and where.
    case invalidJSON(reason: String)

    /// Values quoted in messages are cut to this many characters.
    static let quotedTextLimit = 64

    var description: String {
        switch self {
        case .notOfType(let field, let type, let text):
            "field '\(field)': '\(text)' is not \(Self.article(type)) \(Self.form(of: type))"
        case .nestedValue(let field, let type):
            "field '\(field)': a nested object or array is not \(Self.article(type)) \(type)"
        case .nullInNonNullableField(let field):
            "field '\(field)': null, but the field is not nullable"
        case .missingNonNullableField(let field):
            "field '\(field)': missing, but the field is not nullable"
        case .fieldCount(let found, let expected):
            "\(found) field\(found == 1 ? "" : "s") where the schema has \(expected)"
        case .tooLong(let bytes, let limit):
            "record of \(bytes) bytes is longer than the \(limit)-byte limit"
        case .invalidUTF8(let field, let reason):
            (field.map { "field '\($0)': " } ?? "") + "not valid UTF-8 (\(reason))"
        case .unclosedQuote(let line):
            "the quoted field opened on line \(line) is never closed"
        case .textAfterClosingQuote(let fieldNumber, let byte):
            "field \(fieldNumber): '\(String(decoding: [byte], as: UTF8.self))' after the closing quote"
                + " (a quoted field must end at a delimiter or the end of the record)"
        case .invalidJSON(let reason):
            "invalid JSON: \(reason)"
        }
    }

    /// The first `quotedTextLimit` characters of `bytes`, with `…` when there are more; invalid UTF-8 repaired.
    static func excerpt(_ bytes: Span<UInt8>) -> String {
        let text = String(decoding: ScalarText.copy(bytes.extracting(0 ..< min(bytes.count, 4 * quotedTextLimit))), as: UTF8.self)
        return text.count > quotedTextLimit || bytes.count > 4 * quotedTextLimit ? text.prefix(quotedTextLimit) + "…" : text
    }

    private static func article(_ type: DataType) -> String {
        type == .int64 ? "an" : "a"
    }

    private static func form(of type: DataType) -> String {
        switch type {
        case .int64: "int64"
        case .double: "double"
        case .bool: "bool (true or false)"
        case .string: "string"
        case .timestamp: "timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])"
        }
    }
}
