/// The physical type of a column.
public enum DataType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 64-bit signed integers.
    case int64
    /// IEEE 754 double-precision numbers.
    case double
    /// Booleans, one byte each so that kernels can load them as vectors.
    case bool
    /// UTF-8 strings, dictionary-encoded: 32-bit codes into a per-column dictionary.
    case string
    /// Instants as microseconds since 1970-01-01T00:00:00Z, stored as `Int64`.
    case timestamp

    public var description: String { rawValue }
}
