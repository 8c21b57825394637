import Testing
@testable import SluicePostgres

@Suite("Postgres: connection") struct PostgresConnectionTests {
    @Test func parametersTravelAsTextWithNullsAndUnicode() throws {
        let connection = try TestServer.connection()
        let result = try connection.execute("SELECT $1::text AS a, $2::bigint + 1 AS b, $3::text IS NULL AS c", ["Grüße \"x\" 'y'", "41", nil])
        #expect(result.columns == ["a", "b", "c"])
        #expect(result.rows == [["Grüße \"x\" 'y'", "42", "t"]])
    }

    @Test func theSessionRunsInUTCWithISODates() throws {
        let connection = try TestServer.connection()
        #expect(try connection.execute("SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('client_encoding')").rows
            == [["UTC", "ISO, YMD", "UTF8"]])
    }

    @Test func badSQLNamesTheServerTheStatementAndTheServersMessage() throws {
        let connection = try TestServer.connection()
        let error = try #require(throws: PostgresError.self) { try connection.execute("SELEC 1 FROM nowhere") }
        #expect(error.sqlState == "42601")
        #expect(error.statement == "SELEC 1 FROM nowhere")
        #expect(error.message.contains("syntax error at or near \"SELEC\""))
        #expect(error.description.hasPrefix("postgres 127.0.0.1:\(try LocalPostgresServer.shared().port)/sluice: syntax error"))
        #expect(try connection.execute("SELECT 1").scalar == "1", "the connection goes on after a failed statement")
    }

    @Test func longStatementsAreAbbreviatedInErrors() throws {
        let connection = try TestServer.connection()
        let sql = "SELECT no_such_column,\n   " + String(repeating: "1, ", count: 200) + "1"
        let error = try #require(throws: PostgresError.self) { try connection.execute(sql) }
        #expect(error.statement?.hasPrefix("SELECT no_such_column, 1, 1,") == true)
        #expect(error.statement?.hasSuffix("…") == true)
        #expect(error.statement?.count == 201)
    }

    @Test func aWrongPortNamesHostAndPortAndNeverThePassword() throws {
        let password = "hunter2-secret"
        let connection = PostgresConnection(conninfo: "host=127.0.0.1 port=1 user=sluice password=\(password) dbname=sluice connect_timeout=2")
        let error = try #require(throws: PostgresError.self) { try connection.connect() }
        #expect(error.server == "127.0.0.1:1/sluice")
        #expect(error.statement == nil)
        #expect(error.description.contains("127.0.0.1:1"))
        #expect(error.description.contains("refused"))
        #expect(!error.description.contains(password))
        #expect(!String(reflecting: error).contains(password))
    }

    @Test func aWrongPasswordInAURIIsNeverShown() throws {
        let server = try LocalPostgresServer.shared()
        let password = "not-the-password"
        let connection = PostgresConnection(conninfo: "postgresql://nobody:\(password)@127.0.0.1:\(server.port)/sluice")
        let error = try #require(throws: PostgresError.self) { try connection.connect() }
        #expect(error.message.contains("nobody"))
        #expect(!String(reflecting: error).contains(password))
    }

    @Test func aMalformedConnectionStringIsNotQuoted() throws {
        let connection = PostgresConnection(conninfo: "host=127.0.0.1 password='secret-fragment")
        let error = try #require(throws: PostgresError.self) { try connection.connect() }
        #expect(error.message.contains("cannot be parsed"))
        #expect(!String(reflecting: error).contains("secret-fragment"))
    }

    @Test func aTransactionCommitsWhenItsBodyReturnsAndRollsBackWhenItThrows() throws {
        let connection = try TestServer.connection()
        try connection.execute("CREATE TABLE connection_transactions (id BIGINT)")
        try connection.transaction { try $0.execute("INSERT INTO connection_transactions VALUES (1)") }
        #expect(throws: PostgresError.self) {
            try connection.transaction { transaction in
                try transaction.execute("INSERT INTO connection_transactions VALUES (2)")
                try transaction.execute("INSERT INTO connection_transactions VALUES ('two')")
            }
        }
        #expect(try connection.execute("SELECT id FROM connection_transactions").rows == [["1"]])
    }

    @Test func aConnectionTheServerDroppedIsOpenedAgain() throws {
        let connection = try TestServer.connection()
        let pid = try #require(try connection.execute("SELECT pg_backend_pid()").scalar)
        try TestServer.connection().execute("SELECT pg_terminate_backend($1::int)", [pid])
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        #expect(try connection.execute("SELECT 1").scalar == "1")
    }
}
