import SluiceCore

/// A column expression of a DataFrame, as Spark's `Column`: built with `col`, `lit`, operators and functions.
public struct Column: Sendable, CustomStringConvertible {
    public let expression: Expression

    public init(_ expression: Expression) { self.expression = expression }

    /// The column under another name.
    public func alias(_ name: String) -> Column { Column(.alias(expression, name)) }

    /// The same as `alias(_:)`, Spark's other name for it.
    public func `as`(_ name: String) -> Column { alias(name) }

    /// The column converted to `type` (null where a value does not convert).
    public func cast(_ type: DataType) -> Column { Column(.cast(expression, type)) }

    /// Whether the value is null.
    public func isNull() -> Column { Column(.isNull(expression)) }

    /// Whether the value is not null.
    public func isNotNull() -> Column { Column(.not(.isNull(expression))) }

    public var description: String { expression.description }
}

/// The column called `name`.
public func col(_ name: String) -> Column { Column(.column(name)) }

/// A constant column.
public func lit(_ value: some ColumnLiteral) -> Column { Column(.literal(value.columnValue)) }

/// Swift values that can stand as literals in column expressions.
public protocol ColumnLiteral: Sendable {
    var columnValue: Value { get }
}

extension Int: ColumnLiteral { public var columnValue: Value { .int64(Int64(self)) } }
extension Int64: ColumnLiteral { public var columnValue: Value { .int64(self) } }
extension Double: ColumnLiteral { public var columnValue: Value { .double(self) } }
extension Bool: ColumnLiteral { public var columnValue: Value { .bool(self) } }
extension String: ColumnLiteral { public var columnValue: Value { .string(self) } }
