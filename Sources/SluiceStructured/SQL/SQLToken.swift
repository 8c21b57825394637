/// One token of SQL text: its kind, its text as written (for messages), and where it starts.
struct SQLToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A name as written: bare (never a reserved word) or back-quoted (anything, quotes removed).
        case identifier(String)
        case keyword(SQLKeyword)
        /// Digits without a point or exponent; the sign is a separate token.
        case integer(UInt64)
        /// A number with a point or an exponent.
        case decimal(Double)
        /// A quoted string, with `''` read as one quote.
        case string(String)
        case symbol(SQLSymbol)
        case endOfInput
    }

    let kind: Kind
    let text: String
    let position: SQLPosition

    /// How error messages show the token: `'FORM'`, `string 'a b'`, `end of input`.
    var quoted: String {
        switch kind {
        case .endOfInput: "end of input"
        case .string: "string \(text)"
        default: "'\(text)'"
        }
    }

    func isKeyword(_ keyword: SQLKeyword) -> Bool { kind == .keyword(keyword) }
    func isSymbol(_ symbol: SQLSymbol) -> Bool { kind == .symbol(symbol) }
}

/// The reserved words: a bare identifier spelled as one of these (in any case) is the keyword. Names
/// of functions and types (`count`, `window`, `timestamp`) are not reserved, so columns may use them.
enum SQLKeyword: String, CaseIterable, Sendable {
    case select = "SELECT", from = "FROM", `where` = "WHERE", group = "GROUP", by = "BY", having = "HAVING"
    case order = "ORDER", asc = "ASC", desc = "DESC", limit = "LIMIT", `as` = "AS"
    case and = "AND", or = "OR", not = "NOT", `is` = "IS", null = "NULL", `true` = "TRUE", `false` = "FALSE"
    case `in` = "IN", between = "BETWEEN"
    /// Reserved so that a query using them fails with a message saying they are not supported, rather
    /// than reading them as a column name or an alias.
    case distinct = "DISTINCT", join = "JOIN", union = "UNION", `case` = "CASE", like = "LIKE"
}

/// Operators and punctuation.
enum SQLSymbol: String, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    /// `=` or `==`.
    case equal = "="
    /// `!=` or `<>`.
    case notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case leftParenthesis = "(", rightParenthesis = ")", comma = ",", dot = ".", semicolon = ";"
}
