import SluiceCore

/// The expression tree behind a `Column`: what the analyzer types and the evaluator runs over batches.
public indirect enum Expression: Sendable, Hashable, CustomStringConvertible {
    /// A column of the input, by name.
    case column(String)
    case literal(Value)
    case binary(BinaryOperator, Expression, Expression)
    case not(Expression)
    case isNull(Expression)
    case cast(Expression, DataType)
    /// Hour of the day (0–23, UTC) of a timestamp.
    case hour(Expression)
    /// A `yyyy-MM-dd HH:mm:ss` string parsed as a UTC timestamp; null where it does not parse.
    case toTimestamp(Expression)
    /// The expression under another name.
    case alias(Expression, String)
    /// An aggregate over the rows of a group; `count(*)` has no argument.
    case aggregate(AggregateFunction, Expression?)
    /// The time windows containing a timestamp (Spark's `window`): `start + k·slide` aligned.
    case window(Expression, length: Duration, slide: Duration, start: Duration)
    /// The session window of a timestamp: sessions close after `gap` without events.
    case sessionWindow(Expression, gap: Duration)
    /// The words of a string split on a separator, one row each (Spark's `explode(split(…))`).
    case explodeSplit(Expression, separator: String)

    /// The name Spark gives the expression's result column.
    public var name: String {
        switch self {
        case .column(let name): name
        case .alias(_, let name): name
        case .window: "window"
        case .sessionWindow: "session_window"
        case .explodeSplit: "col"
        case .aggregate(let function, nil): "\(function.rawValue)(1)"
        default: description
        }
    }

    public var description: String {
        switch self {
        case .column(let name): name
        case .literal(let value): value.description
        case .binary(let op, let lhs, let rhs): "(\(lhs) \(op.rawValue) \(rhs))"
        case .not(let operand): "(NOT \(operand))"
        case .isNull(let operand): "(\(operand) IS NULL)"
        case .cast(let operand, let type): "CAST(\(operand) AS \(type))"
        case .hour(let operand): "hour(\(operand))"
        case .toTimestamp(let operand): "to_timestamp(\(operand))"
        case .alias(let operand, let name): "\(operand) AS \(name)"
        case .aggregate(let function, let argument): "\(function.rawValue)(\(argument.map(\.description) ?? "1"))"
        case .window(let time, let length, let slide, _): "window(\(time), \(length), \(slide))"
        case .sessionWindow(let time, let gap): "session_window(\(time), \(gap))"
        case .explodeSplit(let operand, let separator): "explode(split(\(operand), '\(separator)'))"
        }
    }

    /// Whether the expression contains an aggregate.
    public var containsAggregate: Bool {
        switch self {
        case .aggregate: true
        case .column, .literal: false
        case .binary(_, let lhs, let rhs): lhs.containsAggregate || rhs.containsAggregate
        case .not(let operand), .isNull(let operand), .cast(let operand, _), .hour(let operand), .toTimestamp(let operand),
             .alias(let operand, _), .window(let operand, _, _, _), .sessionWindow(let operand, _), .explodeSplit(let operand, _):
            operand.containsAggregate
        }
    }

    /// Whether this is a (possibly aliased) session window.
    public var isSessionWindow: Bool {
        if case .sessionWindow = unaliased { return true }
        return false
    }

    /// The expression without a top-level alias.
    public var unaliased: Expression {
        if case .alias(let operand, _) = self { return operand.unaliased }
        return self
    }
}

/// Binary operators, with SQL's spelling.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "AND", or = "OR"

    /// The core's comparison for a comparison operator.
    var comparison: ComparisonOperator {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
    }

    var isArithmetic: Bool { [.add, .subtract, .multiply, .divide, .remainder].contains(self) }
    var isComparison: Bool { [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
}

/// The aggregate functions of `groupBy(…).agg(…)`.
public enum AggregateFunction: String, Sendable, Hashable {
    case count, sum, avg, min, max
}
