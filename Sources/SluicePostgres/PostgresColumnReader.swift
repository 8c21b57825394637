import SluiceCore

/// Reads one column of a PostgreSQL table into a Sluice field: the expression to select, and how its
/// text becomes a value.
struct PostgresColumnReader: Sendable {
    /// The field the column is read into.
    let field: Field
    /// What to select, e.g. `"price"` or `trunc(extract(epoch FROM "time") * 1000000)`.
    let expression: String
    private let form: TextForm

    /// How the selected text is decoded.
    private enum TextForm {
        case int64, double, bool, string
        /// An integer number of microseconds (a timestamp selected as its epoch, or an integer column).
        case microseconds
        /// `yyyy-MM-dd HH:mm:ss[.ffffff]` (a text column read as timestamps).
        case timestampText
    }

    /// Reads the column `field.name`, whose `information_schema` type is `postgresType`, as `field.type`.
    init(field: Field, postgresType: String) {
        self.field = field
        let column = SQLIdentifier.quote(field.name)
        switch field.type {
        case .int64: (form, expression) = (.int64, column)
        case .double: (form, expression) = (.double, column)
        case .bool: (form, expression) = (.bool, column)
        case .string: (form, expression) = (.string, column)
        case .timestamp:
            if PostgresTypeMapping.dataType(reading: postgresType) == .timestamp {
                (form, expression) = (.microseconds, "trunc(extract(epoch FROM \(column)) * 1000000)")
            } else if PostgresTypeMapping.isInteger(postgresType) {
                (form, expression) = (.microseconds, column)
            } else {
                (form, expression) = (.timestampText, column)
            }
        }
    }

    /// The value `text` (nil: SQL NULL) stands for, or why it is not one.
    func decode(_ text: String?) -> Result<Value, DecodeFailure> {
        guard let text else {
            return field.isNullable ? .success(.null) : .failure(DecodeFailure("NULL in a non-nullable field"))
        }
        let value: Value? = switch form {
        case .int64: Int64(text).map(Value.int64)
        case .double: Double(text).map(Value.double)
        case .bool: Self.boolean(text).map(Value.bool)
        case .string: .string(text)
        case .microseconds: Int64(text).map(Value.timestamp)
        case .timestampText: Self.timestamp(text).map(Value.timestamp)
        }
        return value.map(Result.success) ?? .failure(DecodeFailure("'\(text)' is not \(Self.article(field.type))"))
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }

    private static func timestamp(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return Timestamp(text: bytes.span)?.microseconds
    }

    private static func article(_ type: DataType) -> String {
        switch type {
        case .int64: "a 64-bit integer"
        case .double: "a double"
        case .bool: "a boolean"
        case .string: "a string"
        case .timestamp: "a timestamp"
        }
    }
}

/// Why a column's text is not a value of its field's type.
struct DecodeFailure: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
