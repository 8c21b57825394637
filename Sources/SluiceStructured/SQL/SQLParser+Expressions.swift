import SluiceCore

/// Expressions, one method per precedence level, loosest first:
///
///     expr           := conjunction (OR conjunction)*
///     conjunction    := negation (AND negation)*
///     negation       := NOT negation | comparison
///     comparison     := additive ( ('=' | '==' | '!=' | '<>' | '<' | '<=' | '>' | '>=') additive
///                                | IS [NOT] NULL
///                                | [NOT] BETWEEN additive AND additive
///                                | [NOT] IN '(' expr (',' expr)* ')' )*
///     additive       := multiplicative (('+' | '-') multiplicative)*
///     multiplicative := unary (('*' | '/' | '%') unary)*
///     unary          := ('-' | '+') unary | primary
///     primary        := integer | decimal | string | TRUE | FALSE | NULL | TIMESTAMP string
///                     | '(' expr ')' | function '(' arguments ')' | name ('.' name)*
///
/// Binary operators associate to the left. `BETWEEN` and `IN` become the comparisons they stand for;
/// a minus before a number is part of the literal.
extension SQLParser {
    mutating func expression() throws(SQLSyntaxError) -> Expression {
        var result = try conjunction()
        while accept(.or) { result = .binary(.or, result, try conjunction()) }
        return result
    }

    private mutating func conjunction() throws(SQLSyntaxError) -> Expression {
        var result = try negation()
        while accept(.and) { result = .binary(.and, result, try negation()) }
        return result
    }

    private mutating func negation() throws(SQLSyntaxError) -> Expression {
        if accept(.not) { return .not(try negation()) }
        return try comparison()
    }

    private mutating func comparison() throws(SQLSyntaxError) -> Expression {
        var result = try additive()
        while true {
            if case .symbol(let symbol) = current.kind, let op = Self.comparisonOperators[symbol] {
                advance()
                result = .binary(op, result, try additive())
            } else if accept(.is) {
                let negated = accept(.not)
                try expect(.null, after: negated ? "IS NOT" : "IS")
                result = negated ? .not(.isNull(result)) : .isNull(result)
            } else if current.isKeyword(.between) || current.isKeyword(.in) || current.isKeyword(.not) {
                let negated = accept(.not)
                let test = try membership(of: result, after: negated ? "NOT" : nil)
                result = negated ? .not(test) : test
            } else {
                return result
            }
        }
    }

    /// `BETWEEN low AND high` as `value >= low AND value <= high`; `IN (a, b)` as `value = a OR value = b`.
    private mutating func membership(of value: Expression, after previous: String?) throws(SQLSyntaxError) -> Expression {
        if accept(.between) {
            let low = try additive()
            try expect(.and, after: "BETWEEN …")
            let high = try additive()
            return .binary(.and, .binary(.greaterOrEqual, value, low), .binary(.lessOrEqual, value, high))
        }
        guard accept(.in) else { throw unexpected("BETWEEN or IN" + (previous.map { " after \($0)" } ?? "")) }
        try expect(.leftParenthesis, in: "after IN")
        var test = Expression.binary(.equal, value, try expression())
        while accept(.comma) { test = .binary(.or, test, .binary(.equal, value, try expression())) }
        try expect(.rightParenthesis, in: "to close the IN list")
        return test
    }

    private static let comparisonOperators: [SQLSymbol: BinaryOperator] = [
        .equal: .equal, .notEqual: .notEqual, .less: .less, .lessOrEqual: .lessOrEqual, .greater: .greater, .greaterOrEqual: .greaterOrEqual,
    ]

    private mutating func additive() throws(SQLSyntaxError) -> Expression {
        var result = try multiplicative()
        while true {
            if accept(.plus) {
                result = .binary(.add, result, try multiplicative())
            } else if accept(.minus) {
                result = .binary(.subtract, result, try multiplicative())
            } else {
                return result
            }
        }
    }

    private mutating func multiplicative() throws(SQLSyntaxError) -> Expression {
        var result = try unary()
        while true {
            if accept(.star) {
                result = .binary(.multiply, result, try unary())
            } else if accept(.slash) {
                result = .binary(.divide, result, try unary())
            } else if accept(.percent) {
                result = .binary(.remainder, result, try unary())
            } else {
                return result
            }
        }
    }

    /// A sign: folded into a number literal (so that `-9223372036854775808` is a BIGINT), else `0 - operand`.
    private mutating func unary() throws(SQLSyntaxError) -> Expression {
        if accept(.plus) { return try unary() }
        guard accept(.minus) else { return try primary() }
        switch current.kind {
        case .integer(let magnitude):
            guard magnitude <= UInt64(Int64.max) + 1 else { throw SQLSyntaxError(at: current.position, "'-\(magnitude)' is out of range for BIGINT") }
            advance()
            return .literal(.int64(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)))
        case .decimal(let value):
            advance()
            return .literal(.double(-value))
        default:
            return .binary(.subtract, .literal(.int64(0)), try unary())
        }
    }

    private mutating func primary() throws(SQLSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value):
            guard let integer = Int64(exactly: value) else { throw SQLSyntaxError(at: token.position, "'\(value)' is out of range for BIGINT") }
            advance()
            return .literal(.int64(integer))
        case .decimal(let value):
            advance()
            return .literal(.double(value))
        case .string(let text):
            advance()
            return .literal(.string(text))
        case .keyword(.true), .keyword(.false):
            advance()
            return .literal(.bool(token.kind == .keyword(.true)))
        case .keyword(.null):
            advance()
            return .literal(.null)
        case .symbol(.leftParenthesis):
            advance()
            let inner = try expression()
            try expect(.rightParenthesis, in: "to close '(' at line \(token.position.line), column \(token.position.column)")
            return inner
        case .identifier(let name):
            advance()
            if current.isSymbol(.leftParenthesis) { return try functionCall(name, at: token.position) }
            if token.text.lowercased() == "timestamp", case .string(let text) = current.kind { return try timestampLiteral(text) }
            var path = name
            while accept(.dot) { path += "." + (try self.name(expected: "a name after '.'")) }
            return .column(path)
        default:
            throw unexpected("an expression")
        }
    }

    /// `TIMESTAMP 'yyyy-MM-dd HH:mm:ss'` (UTC), at the string.
    private mutating func timestampLiteral(_ text: String) throws(SQLSyntaxError) -> Expression {
        guard let time = TimestampText.parse(text.trimmingSpaces) else {
            throw SQLSyntaxError(at: current.position, "'\(text)' is not a timestamp; expected 'yyyy-MM-dd HH:mm:ss'")
        }
        advance()
        return .literal(.timestamp(time.microseconds))
    }
}
