/// A typed column of a record batch. The enum is switched on once per column, never per value.
public enum ColumnVector: Sendable {
    case int64(PrimitiveColumn<Int64>)
    case double(PrimitiveColumn<Double>)
    case bool(PrimitiveColumn<Bool>)
    case string(StringColumn)
    case timestamp(PrimitiveColumn<Int64>)

    public var dataType: DataType {
        switch self {
        case .int64: .int64
        case .double: .double
        case .bool: .bool
        case .string: .string
        case .timestamp: .timestamp
        }
    }

    public var count: Int {
        switch self {
        case .int64(let column), .timestamp(let column): column.count
        case .double(let column): column.count
        case .bool(let column): column.count
        case .string(let column): column.count
        }
    }

    /// Which rows hold values; nil when none is null.
    public var validity: ValidityBitmap? {
        switch self {
        case .int64(let column), .timestamp(let column): column.validity
        case .double(let column): column.validity
        case .bool(let column): column.validity
        case .string(let column): column.validity
        }
    }

    /// Whether row `row` is null.
    public func isNull(_ row: Int) -> Bool { validity.map { !$0.isValid(row) } ?? false }

    /// The value at `row`, boxed.
    public func value(at row: Int) -> Value {
        if isNull(row) { return .null }
        switch self {
        case .int64(let column): return .int64(column.values[row])
        case .timestamp(let column): return .timestamp(column.values[row])
        case .double(let column): return .double(column.values[row])
        case .bool(let column): return .bool(column.values[row])
        case .string(let column): return .string(column.string(at: row))
        }
    }

    /// Rows `range`, sharing storage.
    public func slice(_ range: Range<Int>) -> ColumnVector {
        switch self {
        case .int64(let column): .int64(column.slice(range))
        case .timestamp(let column): .timestamp(column.slice(range))
        case .double(let column): .double(column.slice(range))
        case .bool(let column): .bool(column.slice(range))
        case .string(let column): .string(column.slice(range))
        }
    }
}
