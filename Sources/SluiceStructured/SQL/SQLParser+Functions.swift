import SluiceCore

/// Function calls, by name in any case:
///
///     COUNT(*) | COUNT(x) | SUM(x) | AVG(x) | MIN(x) | MAX(x) | HOUR(t) | TO_TIMESTAMP(s)
///     CAST(x AS BIGINT | INT | INTEGER | LONG | DOUBLE | STRING | BOOLEAN | TIMESTAMP)
///     WINDOW(t, 'length' [, 'slide' [, 'start']]) | SESSION_WINDOW(t, 'gap')
///     EXPLODE(SPLIT(s, 'separator'))
///
/// Durations are Spark's interval strings (`SQLInterval`). Sluice has one integer type, so `INT` is
/// a 64-bit `BIGINT` too.
extension SQLParser {
    static let functionNames = ["avg", "cast", "count", "explode", "hour", "max", "min", "session_window", "sum", "to_timestamp", "window"]

    /// The call of `name`, whose `(` is the current token.
    mutating func functionCall(_ name: String, at position: SQLPosition) throws(SQLSyntaxError) -> Expression {
        let function = name.lowercased()
        switch function {
        case "count":
            try expect(.leftParenthesis)
            if accept(.star) {
                try expect(.rightParenthesis, in: "after COUNT(*")
                return .aggregate(.count, nil)
            }
            if current.isKeyword(.distinct) { throw SQLSyntaxError(at: current.position, "COUNT(DISTINCT …) is not supported") }
            let argument = try expression()
            try expect(.rightParenthesis, in: "to close COUNT(")
            return .aggregate(.count, argument)
        case "sum", "avg", "min", "max":
            let argument = try arguments(of: name, at: position, count: 1 ... 1)[0].expression
            return .aggregate(AggregateFunction(rawValue: function)!, argument)
        case "hour":
            return .hour(try arguments(of: name, at: position, count: 1 ... 1)[0].expression)
        case "to_timestamp":
            return .toTimestamp(try arguments(of: name, at: position, count: 1 ... 1)[0].expression)
        case "cast":
            return try cast()
        case "window":
            let arguments = try arguments(of: name, at: position, count: 2 ... 4, usage: "(time, 'length'[, 'slide'[, 'start']])")
            let length = try interval(arguments[1])
            let slide = arguments.count > 2 ? try interval(arguments[2]) : length
            let start = arguments.count > 3 ? try interval(arguments[3]) : .zero
            return .window(arguments[0].expression, length: length, slide: slide, start: start)
        case "session_window":
            let arguments = try arguments(of: name, at: position, count: 2 ... 2, usage: "(time, 'gap')")
            return .sessionWindow(arguments[0].expression, gap: try interval(arguments[1]))
        case "explode":
            return try explodeSplit()
        default:
            throw SQLSyntaxError(at: position, "unknown function '\(name)'; known functions: \(Self.functionNames.joined(separator: ", "))")
        }
    }

    /// An argument and where it starts.
    struct Argument {
        let expression: Expression
        let position: SQLPosition
    }

    /// `'(' expr (',' expr)* ')'`, checking how many there are.
    private mutating func arguments(of name: String, at position: SQLPosition, count: ClosedRange<Int>,
                                    usage: String = "") throws(SQLSyntaxError) -> [Argument] {
        try expect(.leftParenthesis)
        var arguments: [Argument] = []
        if !current.isSymbol(.rightParenthesis) {
            repeat {
                let start = current.position
                arguments.append(Argument(expression: try expression(), position: start))
            } while accept(.comma)
        }
        try expect(.rightParenthesis, in: "to close \(name.uppercased())(")
        guard count.contains(arguments.count) else {
            let expected = count.count == 1 ? "\(count.lowerBound) argument\(count.lowerBound == 1 ? "" : "s")" : "\(count.lowerBound) to \(count.upperBound) arguments"
            throw SQLSyntaxError(at: position, "\(name.uppercased()) takes \(expected)\(usage.isEmpty ? "" : " " + usage), got \(arguments.count)")
        }
        return arguments
    }

    /// A string argument read as an interval.
    private func interval(_ argument: Argument) throws(SQLSyntaxError) -> Duration {
        guard case .literal(.string(let text)) = argument.expression else {
            throw SQLSyntaxError(at: argument.position, "expected an interval string such as '10 minutes', found '\(argument.expression)'")
        }
        guard let duration = SQLInterval.duration(text) else {
            throw SQLSyntaxError(at: argument.position, "'\(text)' is not an interval; expected a count and a unit, such as '10 seconds', '1 minute', '2 hours', '1 day' or '500 milliseconds'")
        }
        return duration
    }

    /// `CAST '(' expr AS type ')'`.
    private mutating func cast() throws(SQLSyntaxError) -> Expression {
        try expect(.leftParenthesis)
        let operand = try expression()
        try expect(.as, after: "CAST(…")
        let position = current.position
        let typeName = try name(expected: "a type name")
        guard let type = Self.types[typeName.uppercased()] else {
            throw SQLSyntaxError(at: position, "unknown type '\(typeName)'; expected BIGINT, INT, DOUBLE, STRING, BOOLEAN or TIMESTAMP")
        }
        try expect(.rightParenthesis, in: "to close CAST(")
        return .cast(operand, type)
    }

    private static let types: [String: DataType] = [
        "BIGINT": .int64, "LONG": .int64, "INT": .int64, "INTEGER": .int64, "DOUBLE": .double, "STRING": .string,
        "BOOLEAN": .bool, "TIMESTAMP": .timestamp,
    ]

    /// `EXPLODE '(' SPLIT '(' expr ',' string ')' ')'`: one row per part (the separator is literal text,
    /// not a regular expression as in Spark).
    private mutating func explodeSplit() throws(SQLSyntaxError) -> Expression {
        try expect(.leftParenthesis)
        let position = current.position
        guard case .identifier(let inner) = current.kind, inner.lowercased() == "split", following.isSymbol(.leftParenthesis) else {
            throw SQLSyntaxError(at: position, "EXPLODE is supported only around SPLIT(text, 'separator')")
        }
        advance()
        let arguments = try arguments(of: "split", at: position, count: 2 ... 2, usage: "(text, 'separator')")
        guard case .literal(.string(let separator)) = arguments[1].expression, !separator.isEmpty else {
            throw SQLSyntaxError(at: arguments[1].position, "SPLIT needs a non-empty separator string")
        }
        try expect(.rightParenthesis, in: "to close EXPLODE(")
        return .explodeSplit(arguments[0].expression, separator: separator)
    }
}
