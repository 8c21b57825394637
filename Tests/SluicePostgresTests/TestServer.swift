import SluicePostgres

/// The PostgreSQL server the suite shares: started by the first test that needs it, on loopback, and
/// stopped when the test process exits. Every test uses tables of its own name. A machine without the
/// server binaries fails these tests with `LocalPostgresServerError` saying what is missing.
enum TestServer {
    static func conninfo() throws -> String { try LocalPostgresServer.shared().conninfo }

    static func connection() throws -> PostgresConnection { PostgresConnection(conninfo: try conninfo()) }
}
