import Testing
@testable import SluiceSQLite

@Suite struct SQLiteConnectionTests {
    @Test func linksTheSystemSQLite() {
        #expect(SQLiteConnection.libraryVersion.hasPrefix("3."))
    }

    @Test func opensTheFileInWALModeWithFullSynchronousCommits() throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.file("a.db"))
            #expect(try connection.prepare("PRAGMA journal_mode").singleText() == "wal")
            #expect(try connection.prepare("PRAGMA synchronous").singleInt64() == 2, "2 is FULL")
        }
    }

    @Test func textsRoundTripIncludingEmptyNulBytesAndNonASCII() throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.file("a.db"))
            try connection.execute("CREATE TABLE t (position INTEGER, value TEXT)")
            let texts: [String?] = ["", "a\0b", "naïve ☃", nil, "plain"]
            let insert = try connection.prepare("INSERT INTO t VALUES (?1, ?2)")
            for (position, text) in texts.enumerated() {
                try insert.bind(Int64(position), at: 1)
                if let text { try insert.bind(text, at: 2) } else { try insert.bindNull(at: 2) }
                #expect(try insert.step() == false)
                insert.reset()
            }
            let select = try connection.prepare("SELECT value FROM t ORDER BY position")
            var read: [String?] = []
            while try select.step() { read.append(select.text(0)) }
            #expect(read == texts)
        }
    }

    @Test func anErrorNamesTheFileTheStatementAndSQLitesMessage() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("a.db")
            let connection = try SQLiteConnection(path: path)
            let error = #expect(throws: SQLiteError.self) { try connection.execute("SELEC 1") }
            #expect(error?.description == "sqlite \(path): near \"SELEC\": syntax error (code 1) in 'SELEC 1'")
            let long = "SELECT * FROM missing WHERE " + String(repeating: "x = 1 AND ", count: 40) + "1"
            let abbreviated = #expect(throws: SQLiteError.self) { try connection.prepare(long) }
            #expect(abbreviated?.message == "no such table: missing")
            #expect(abbreviated?.sql == long.prefix(SQLiteError.sqlLimit) + "…")
        }
    }

    @Test func aFileThatCannotBeCreatedIsAnErrorNamingIt() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("missing/a.db")
            let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
            #expect(error?.description == "sqlite \(path): cannot open the database: unable to open database file (code 14)")
        }
    }

    @Test func aClosedConnectionRefusesStatementsAndRollsBackItsTransaction() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("a.db")
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE t (value INTEGER)")
            let insert = try connection.prepare("INSERT INTO t VALUES (1)")
            try connection.begin()
            #expect(connection.isInsideTransaction)
            connection.close()
            let error = #expect(throws: SQLiteError.self) { try insert.step() }
            #expect(error?.message == "the connection is closed")
            #expect(throws: SQLiteError.self) { try connection.execute("SELECT 1") }
            #expect(try SQLiteConnection(path: path).prepare("SELECT count(*) FROM t").singleInt64() == 0)
        }
    }
}
