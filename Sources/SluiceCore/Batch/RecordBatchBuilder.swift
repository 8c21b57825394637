/// Builds a record batch row by row from boxed values: the convenient path for tests, literals and
/// small inputs. Hot paths (parsers, operators) append to typed column builders instead.
public struct RecordBatchBuilder: Sendable {
    public let schema: Schema
    private var builders: [AnyColumnBuilder]
    public private(set) var rowCount = 0

    public init(schema: Schema, capacity: Int = 0) {
        self.schema = schema
        self.builders = schema.fields.map { AnyColumnBuilder($0.type, capacity: capacity) }
    }

    /// Appends one row; each value must be null (if its field is nullable) or of its field's type.
    public mutating func append(row: [Value]) throws(BatchError) {
        guard row.count == schema.count else {
            throw .columnCountMismatch(expected: schema.count, actual: row.count)
        }
        for (index, value) in row.enumerated() {
            let field = schema.fields[index]
            guard builders[index].append(value, nullable: field.isNullable) else {
                throw .valueTypeMismatch(field: field.name, expected: field.type, value: value)
            }
        }
        rowCount += 1
    }

    /// The finished batch.
    public mutating func finish() -> RecordBatch {
        RecordBatch(validated: schema, columns: builders.map { $0.finish() }, rowCount: rowCount)
    }
}

extension RecordBatch {
    /// A batch holding `rows` of boxed values.
    public init(schema: Schema, rows: [[Value]]) throws(BatchError) {
        var builder = RecordBatchBuilder(schema: schema, capacity: rows.count)
        for row in rows { try builder.append(row: row) }
        self = builder.finish()
    }
}

/// A column builder of any type, appending boxed values.
enum AnyColumnBuilder: Sendable {
    case int64(PrimitiveColumnBuilder<Int64>)
    case double(PrimitiveColumnBuilder<Double>)
    case bool(PrimitiveColumnBuilder<Bool>)
    case string(StringColumnBuilder)
    case timestamp(PrimitiveColumnBuilder<Int64>)

    init(_ type: DataType, capacity: Int) {
        switch type {
        case .int64: self = .int64(.init(capacity: capacity))
        case .double: self = .double(.init(capacity: capacity))
        case .bool: self = .bool(.init(capacity: capacity))
        case .string: self = .string(.init(capacity: capacity))
        case .timestamp: self = .timestamp(.init(capacity: capacity))
        }
    }

    var dataType: DataType {
        switch self {
        case .int64: .int64
        case .double: .double
        case .bool: .bool
        case .string: .string
        case .timestamp: .timestamp
        }
    }

    /// Appends `value`; false if it does not fit this column's type (or is a null where none is allowed).
    mutating func append(_ value: Value, nullable: Bool) -> Bool {
        guard value.isNull ? nullable : value.dataType == dataType else { return false }
        switch consume self {
        case .int64(var builder):
            if case .int64(let x) = value { builder.append(x) } else { builder.appendNull() }
            self = .int64(builder)
        case .timestamp(var builder):
            if case .timestamp(let x) = value { builder.append(x) } else { builder.appendNull() }
            self = .timestamp(builder)
        case .double(var builder):
            if case .double(let x) = value { builder.append(x) } else { builder.appendNull() }
            self = .double(builder)
        case .bool(var builder):
            if case .bool(let x) = value { builder.append(x) } else { builder.appendNull() }
            self = .bool(builder)
        case .string(var builder):
            if case .string(let x) = value { builder.append(x) } else { builder.appendNull() }
            self = .string(builder)
        }
        return true
    }

    func finish() -> ColumnVector {
        switch self {
        case .int64(let builder): .int64(builder.finish())
        case .double(let builder): .double(builder.finish())
        case .bool(let builder): .bool(builder.finish())
        case .string(let builder): .string(builder.finish())
        case .timestamp(let builder): .timestamp(builder.finish())
        }
    }
}
