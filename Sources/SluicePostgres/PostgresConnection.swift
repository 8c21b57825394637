import Synchronization

/// A connection to a PostgreSQL server that threads can share: calls take turns, and a connection the
/// server dropped is opened again at the next call (a transaction it was in is lost, as the server
/// rolled it back).
///
/// The connection string is libpq's (`host=127.0.0.1 port=5432 user=sluice dbname=sluice` or a
/// `postgresql://` URI). It may hold a password: no error or description ever shows it.
public final class PostgresConnection: Sendable {
    private let conninfo: String
    private let state = Mutex<UnsafePostgresConnection?>(nil)
    /// `host:port/database` as the connection string names them, for messages (never the password).
    public let server: String

    /// A connection opened at the first call, not now.
    public init(conninfo: String) {
        self.conninfo = conninfo
        self.server = UnsafePostgresConnection.server(of: conninfo)
    }

    /// Opens the connection now if it is not open, so that a wrong address fails here (a `PostgresError`).
    public func connect() throws {
        try withConnection { _ in }
    }

    /// Runs one statement with `parameters` in text format (`$1`, `$2`, …; nil is SQL NULL); throws a
    /// `PostgresError`.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> PostgresResult {
        try withConnection { connection in try connection.execute(sql, parameters) }
    }

    /// Runs `body` in one transaction: `BEGIN`, then `COMMIT` if `body` returns, `ROLLBACK` if it throws
    /// (and the error is rethrown). No other call runs on this connection in the meantime.
    @discardableResult
    public func transaction<Outcome: Sendable>(_ body: (PostgresTransaction) throws -> Outcome) throws -> Outcome {
        try withConnection { connection in
            try connection.begin()
            do {
                let outcome = try body(PostgresTransaction(connection: connection))
                try connection.commit()
                return outcome
            } catch {
                if !connection.isBroken { try? connection.rollback() }
                throw error
            }
        }
    }

    /// Closes the connection; the next call opens a new one.
    public func close() {
        state.withLock { connection in
            connection?.close()
            connection = nil
        }
    }

    /// Runs `body` with the open connection, opening it first if needed; a connection lost during
    /// `body` is dropped, so the next call reconnects.
    func withConnection<Outcome: Sendable>(_ body: (UnsafePostgresConnection) throws -> Outcome) throws -> Outcome {
        try state.withLock { connection in
            if connection?.isBroken ?? true {
                connection?.close()
                connection = nil
                connection = try UnsafePostgresConnection(conninfo: conninfo)
            }
            defer { if connection?.isBroken ?? false { connection = nil } }
            return try body(connection!)
        }
    }
}

/// The statements of one transaction, valid only inside `PostgresConnection.transaction`'s body.
public struct PostgresTransaction {
    let connection: UnsafePostgresConnection

    /// Runs one statement of the transaction with `parameters` in text format (nil is SQL NULL).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        try connection.execute(sql, parameters)
    }

    /// `host:port/database`.
    public var server: String { connection.server }
}

@available(*, unavailable)
extension PostgresTransaction: Sendable {}
