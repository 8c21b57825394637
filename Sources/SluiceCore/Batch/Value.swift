/// One cell of a record batch, boxed: for literals, printing and tests, never for the hot path.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case int64(Int64)
    case double(Double)
    case bool(Bool)
    case string(String)
    /// Microseconds since the epoch.
    case timestamp(Int64)

    public var isNull: Bool { self == .null }

    /// The type of a non-null value; nil for null.
    public var dataType: DataType? {
        switch self {
        case .null: nil
        case .int64: .int64
        case .double: .double
        case .bool: .bool
        case .string: .string
        case .timestamp: .timestamp
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .int64(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .string(let value): value
        case .timestamp(let micros): Timestamp(microseconds: micros).description
        }
    }
}
