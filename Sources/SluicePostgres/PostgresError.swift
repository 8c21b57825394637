/// A PostgreSQL statement or connection failed: names the server, the statement (abbreviated) and the
/// server's message, never a password.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `host:port/database`.
    public let server: String
    /// The statement that failed, abbreviated; nil when connecting failed.
    public let statement: String?
    /// What the server (or libpq) said, with its detail and hint.
    public let message: String
    /// The SQLSTATE code, e.g. `42601` for a syntax error; nil when the failure did not come from the server.
    public let sqlState: String?

    /// Makes an error; `statement` is abbreviated to its first 200 characters, its whitespace collapsed.
    public init(server: String, statement: String?, message: String, sqlState: String?) {
        self.server = server
        self.statement = statement.map(Self.abbreviate)
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String {
        var text = "postgres \(server): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let statement { text += ", in: \(statement)" }
        return text
    }

    private static func abbreviate(_ statement: String) -> String {
        let words = statement.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count <= 200 ? words : words.prefix(200) + "…"
    }
}
