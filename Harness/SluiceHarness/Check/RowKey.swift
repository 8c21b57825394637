/// The key of a result row: its key columns' values, printed with their names, `(buy=true)` or
/// `(buy=false, window.start=2016-03-22 20:00:00, window.end=2016-03-22 21:00:00)`.
public struct RowKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key columns' names, in the layout's order.
    public let columns: [String]
    /// Their values, normalized by ``SinkColumn/Kind``.
    public let values: [JSONScalar]

    public init(columns: [String], values: [JSONScalar]) {
        precondition(columns.count == values.count, "one value per key column")
        self.columns = columns
        self.values = values
    }

    public var description: String {
        "(" + zip(columns, values).map { column, value in "\(column)=\(Self.plain(value))" }.joined(separator: ", ") + ")"
    }

    /// Keys sort by their printed form, so reports list them in a stable order.
    public static func < (lhs: RowKey, rhs: RowKey) -> Bool { lhs.description < rhs.description }

    /// A value as a key prints it: text without quotes.
    static func plain(_ value: JSONScalar) -> String {
        if case .string(let text) = value { text } else { value.description }
    }
}
