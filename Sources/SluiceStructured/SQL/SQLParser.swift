/// A recursive-descent parser for one `SELECT` statement over the tokens of `SQLTokenizer`:
///
///     query  := SELECT item (',' item)* FROM source [WHERE expr] [GROUP BY expr (',' expr)*]
///               [HAVING expr] [ORDER BY expr [ASC | DESC] (',' …)*] [LIMIT integer] [';']
///     item   := '*' | expr [[AS] name]
///     source := name | '(' query ')' [[AS] name]
///
/// Expressions are in `SQLParser+Expressions.swift`, function calls in `SQLParser+Functions.swift`.
/// Every error names the line and column of the token at fault and what was expected there.
struct SQLParser {
    private let tokens: [SQLToken]
    private var index = 0

    private init(tokens: [SQLToken]) { self.tokens = tokens }

    /// The statement `text` holds.
    static func parse(_ text: String) throws(SQLSyntaxError) -> SelectStatement {
        var parser = SQLParser(tokens: try SQLTokenizer.tokens(of: text))
        let statement = try parser.selectStatement()
        _ = parser.accept(.semicolon)
        try parser.expectEnd()
        return statement
    }

    /// The single expression `text` holds (for tests and tools).
    static func parseExpression(_ text: String) throws(SQLSyntaxError) -> Expression {
        var parser = SQLParser(tokens: try SQLTokenizer.tokens(of: text))
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }

    // MARK: Clauses

    private mutating func selectStatement() throws(SQLSyntaxError) -> SelectStatement {
        try expect(.select)
        var items = [try selectItem()]
        while accept(.comma) { items.append(try selectItem()) }
        try expect(.from)
        var statement = SelectStatement(items: items, source: try source())
        if accept(.where) { statement.condition = try expression() }
        if accept(.group) {
            try expect(.by, after: "GROUP")
            statement.groupBy = [try expression()]
            while accept(.comma) { statement.groupBy.append(try expression()) }
        }
        if accept(.having) { statement.having = try expression() }
        if accept(.order) {
            try expect(.by, after: "ORDER")
            statement.orderBy = [try sortKey()]
            while accept(.comma) { statement.orderBy.append(try sortKey()) }
        }
        if accept(.limit) { statement.limit = try limitCount() }
        return statement
    }

    /// An item of the select list. A bare alias (without `AS`) is taken only when a comma or `FROM`
    /// follows it, so that `SELECT a FORM t` reports the misspelt `FORM` instead of a puzzle at `t`.
    private mutating func selectItem() throws(SQLSyntaxError) -> SelectStatement.Item {
        if accept(.star) { return .allColumns }
        let value = try expression()
        if accept(.as) { return .expression(.alias(value, try name(expected: "an alias after AS"))) }
        if case .identifier(let alias) = current.kind, following.isSymbol(.comma) || following.isKeyword(.from) {
            advance()
            return .expression(.alias(value, alias))
        }
        return .expression(value)
    }

    /// The input of the query. A subquery's alias is accepted, as Spark requires one, but columns are not
    /// qualified by it.
    private mutating func source() throws(SQLSyntaxError) -> SelectStatement.Source {
        if accept(.leftParenthesis) {
            let subquery = try selectStatement()
            try expect(.rightParenthesis)
            if accept(.as) {
                _ = try name(expected: "an alias after AS")
            } else if case .identifier = current.kind {
                advance()
            }
            return .subquery(subquery)
        }
        let position = current.position
        return .table(try name(expected: "a table or view name after FROM"), at: position)
    }

    private mutating func sortKey() throws(SQLSyntaxError) -> SortKey {
        let key = try expression()
        if accept(.desc) { return SortKey(key, ascending: false) }
        _ = accept(.asc)
        return SortKey(key, ascending: true)
    }

    private mutating func limitCount() throws(SQLSyntaxError) -> Int {
        guard case .integer(let count) = current.kind else { throw unexpected("a row count after LIMIT") }
        guard let value = Int(exactly: count) else { throw SQLSyntaxError(at: current.position, "LIMIT \(count) is out of range") }
        advance()
        return value
    }

    // MARK: Tokens

    var current: SQLToken { tokens[index] }

    /// The token after the current one (the end-of-input token at the end).
    var following: SQLToken { tokens[Swift.min(index + 1, tokens.count - 1)] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    mutating func accept(_ keyword: SQLKeyword) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    mutating func accept(_ symbol: SQLSymbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ keyword: SQLKeyword, after previous: String? = nil) throws(SQLSyntaxError) {
        guard accept(keyword) else { throw unexpected(keyword.rawValue + (previous.map { " after \($0)" } ?? "")) }
    }

    mutating func expect(_ symbol: SQLSymbol, in context: String? = nil) throws(SQLSyntaxError) {
        guard accept(symbol) else { throw unexpected("'\(symbol.rawValue)'" + (context.map { " \($0)" } ?? "")) }
    }

    /// An identifier, bare or back-quoted.
    mutating func name(expected: String) throws(SQLSyntaxError) -> String {
        guard case .identifier(let name) = current.kind else { throw unexpected(expected) }
        advance()
        return name
    }

    private func expectEnd() throws(SQLSyntaxError) {
        guard current.kind == .endOfInput else { throw unexpected("end of query") }
    }

    /// `expected …, found …` at the current token; a reserved word of an unsupported feature says so instead.
    func unexpected(_ expected: String) -> SQLSyntaxError {
        if case .keyword(let keyword) = current.kind, let unsupported = Self.unsupported[keyword] {
            return SQLSyntaxError(at: current.position, unsupported)
        }
        return SQLSyntaxError(at: current.position, "expected \(expected), found \(current.quoted)")
    }

    private static let unsupported: [SQLKeyword: String] = [
        .distinct: "DISTINCT is not supported; GROUP BY the selected columns instead",
        .join: "JOIN is not supported in SQL; join the DataFrames with join(_:on:) and register the result with createOrReplaceTempView",
        .union: "UNION is not supported",
        .case: "CASE is not supported",
        .like: "LIKE is not supported",
    ]
}
