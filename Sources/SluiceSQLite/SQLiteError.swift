/// A SQLite database refused a call, or a batch does not fit its table. Names the database file, the
/// table when there is one, the problem and the statement (abbreviated), e.g.
/// `sqlite /data/out.db, table 'counts': UNIQUE constraint failed: counts.word (code 1555) in 'INSERT …'`.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// The table being written or read, if any.
    public let table: String?
    /// The statement that failed, abbreviated; nil when no statement did.
    public let sql: String?
    /// SQLite's message (`sqlite3_errmsg`), or the problem Sluice found.
    public let message: String
    /// SQLite's extended result code; nil for problems Sluice found.
    public let code: Int32?

    /// The most characters of a statement kept in an error.
    public static let sqlLimit = 160

    public init(path: String, table: String? = nil, sql: String? = nil, message: String, code: Int32? = nil) {
        self.path = path
        self.table = table
        self.sql = sql.map { $0.count <= Self.sqlLimit ? $0 : $0.prefix(Self.sqlLimit) + "…" }
        self.message = message
        self.code = code
    }

    /// The same error, naming `table` if it names none yet.
    public func naming(table: String) -> SQLiteError {
        guard self.table == nil else { return self }
        return SQLiteError(path: path, table: table, sql: sql, message: message, code: code)
    }

    public var description: String {
        var text = "sqlite \(path)"
        if let table { text += ", table '\(table)'" }
        text += ": \(message)"
        if let code { text += " (code \(code))" }
        if let sql { text += " in '\(sql)'" }
        return text
    }
}
