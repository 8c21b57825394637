import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that touches libpq's pointers. Its contract:
//
// - `connection` (a `PGconn *`) belongs to this object: `PQconnectdb` makes it in `init`, `PQfinish` frees
//   it exactly once, in `close()` or `deinit`; after `close()` it is nil and every call throws.
// - Every `PGresult *` is read and freed (`PQclear`, deferred right after the call that made it) before
//   the function that made it returns: values are copied into Swift strings, no result pointer escapes.
// - Parameter strings are `strdup`ed for the duration of one `PQexecParams` call and freed after it.
// - `PQconninfoParse`'s options are freed with `PQconninfoFree`, libpq's error strings with `PQfreemem`.
//
// Why `@unchecked Sendable`: a `PGconn` must never be used by two threads at once and this class does
// no locking of its own; its only owner, `PostgresConnection`, keeps it inside a `Mutex`, so every use
// is serialized.
//
// Passwords: the connection string may hold one. It is never copied into an error: messages are
// scrubbed of the password, and a connection string that libpq cannot parse is not quoted at all.

/// One libpq connection, used under its owner's lock.
final class UnsafePostgresConnection: @unchecked Sendable {
    private var connection: OpaquePointer?
    /// `host:port/database`, for error messages.
    let server: String
    private let password: String?

    /// Connects and sets the session up as Sluice reads and writes values: UTF-8, UTC, ISO dates, and no
    /// notices below warnings.
    init(conninfo: String) throws(PostgresError) {
        let parsed = try Self.parse(conninfo)
        password = parsed.password
        let connection = PQconnectdb(conninfo)
        self.connection = connection
        server = Self.describe(connection, parsed: parsed)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.text(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            self.connection = nil
            throw PostgresError(server: server, statement: nil, message: scrub(message), sqlState: nil)
        }
        try execute("""
            SELECT set_config('client_encoding', 'UTF8', false), set_config('TimeZone', 'UTC', false), \
            set_config('DateStyle', 'ISO, YMD', false), set_config('client_min_messages', 'warning', false)
            """)
    }

    deinit { PQfinish(connection) }

    /// Whether the connection is closed or was lost; a lost one cannot be used again.
    var isBroken: Bool { connection.map { PQstatus($0) != CONNECTION_OK } ?? true }

    /// Runs one statement with `parameters` in text format (`$1`, `$2`, …; nil is SQL NULL) and returns
    /// its rows as text.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        guard let connection else { throw error(sql, "the connection is closed", sqlState: nil) }
        let values = parameters.map { $0.flatMap { UnsafePointer(strdup($0)) } }
        defer { for value in values { free(UnsafeMutablePointer(mutating: value)) } }
        let result = values.withUnsafeBufferPointer { buffer in
            PQexecParams(connection, sql, Int32(values.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        guard let result else { throw error(sql, Self.text(PQerrorMessage(connection)), sqlState: nil) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw error(sql, Self.message(of: result, connection: connection), sqlState: Self.field(result, "C"))
        }
        let columnCount = PQnfields(result)
        let columns = (0 ..< columnCount).map { Self.text(PQfname(result, $0)) }
        let rows = (0 ..< PQntuples(result)).map { row in
            (0 ..< columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : Self.text(PQgetvalue(result, row, column))
            }
        }
        return PostgresResult(columns: columns, rows: rows, affectedRows: Int(Self.text(PQcmdTuples(result))))
    }

    /// `BEGIN`.
    func begin() throws(PostgresError) { try execute("BEGIN") }
    /// `COMMIT`.
    func commit() throws(PostgresError) { try execute("COMMIT") }
    /// `ROLLBACK`.
    func rollback() throws(PostgresError) { try execute("ROLLBACK") }

    /// Closes the connection (an open transaction is rolled back by the server); later calls throw.
    func close() {
        PQfinish(connection)
        connection = nil
    }

    /// `host:port/database` as `conninfo` names them (libpq's defaults where it does not), without
    /// connecting; `?` if it cannot be parsed.
    static func server(of conninfo: String) -> String {
        (try? parse(conninfo)).map { describe(nil, parsed: $0) } ?? "?"
    }

    private func error(_ sql: String, _ message: String, sqlState: String?) -> PostgresError {
        PostgresError(server: server, statement: sql, message: scrub(message), sqlState: sqlState)
    }

    private func scrub(_ message: String) -> String {
        guard let password, !password.isEmpty else { return message }
        return message.replacing(password, with: "********")
    }

    /// The parts of a connection string an error may show, and the password it must not.
    private struct ParsedConninfo {
        var host: String?
        var port: String?
        var database: String?
        var password: String?
    }

    private static func parse(_ conninfo: String) throws(PostgresError) -> ParsedConninfo {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            PQfreemem(errorMessage)
            throw PostgresError(server: "?", statement: nil,
                                message: "the connection string cannot be parsed (not shown: it may hold a password)", sqlState: nil)
        }
        defer { PQconninfoFree(options) }
        var parsed = ParsedConninfo()
        var option = options
        while let keyword = option.pointee.keyword {
            let value = option.pointee.val.map { String(cString: $0) }
            switch String(cString: keyword) {
            case "host", "hostaddr": parsed.host = parsed.host ?? value
            case "port": parsed.port = value
            case "dbname": parsed.database = value
            case "password": parsed.password = value
            default: break
            }
            option += 1
        }
        return parsed
    }

    /// `host:port/database` as libpq resolved them, or as the connection string gives them.
    private static func describe(_ connection: OpaquePointer?, parsed: ParsedConninfo) -> String {
        func nonEmpty(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
            pointer.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let host = connection.flatMap { nonEmpty(PQhost($0)) } ?? parsed.host ?? "localhost"
        let port = connection.flatMap { nonEmpty(PQport($0)) } ?? parsed.port ?? "5432"
        let database = connection.flatMap { nonEmpty(PQdb($0)) } ?? parsed.database ?? "?"
        return "\(host):\(port)/\(database)"
    }

    private static func message(of result: OpaquePointer, connection: OpaquePointer) -> String {
        guard let primary = field(result, "M") else { return text(PQerrorMessage(connection)) }
        return [primary, field(result, "D").map { "detail: \($0)" }, field(result, "H").map { "hint: \($0)" }]
            .compactMap { $0 }.joined(separator: "; ")
    }

    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0).trimmingSuffix() } ?? ""
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        text(UnsafePointer(pointer))
    }
}

extension String {
    /// The string without trailing whitespace and newlines (libpq ends its messages with a newline).
    fileprivate func trimmingSuffix() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
