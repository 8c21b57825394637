import SluiceCore
import SluiceStructured
import Testing
@testable import SluicePostgres

@Suite("Postgres: table source") struct PostgresTableInputTests {
    static let schema = Schema([Field("word", .string), Field("amount", .double, nullable: true), Field("at", .timestamp)])

    /// A table `name` of events keyed by `id`, and a connection to add rows to it.
    func events(_ name: String) throws -> PostgresConnection {
        let connection = try TestServer.connection()
        try connection.execute("CREATE TABLE \(name) (id BIGINT PRIMARY KEY, word TEXT, amount DOUBLE PRECISION, at TIMESTAMP)")
        return connection
    }

    func add(_ ids: ClosedRange<Int>, to table: String, on connection: PostgresConnection) throws {
        for id in ids {
            try connection.execute("INSERT INTO \(table) VALUES ($1, $2, $3, $4)",
                                   [String(id), "w\(id)", id == 2 ? nil : "\(id).5", "2024-01-01 00:00:0\(id % 10)"])
        }
    }

    func row(_ id: Int) -> [Value] {
        [.string("w\(id)"), id == 2 ? .null : .double(Double(id) + 0.5), .timestamp(1_704_067_200_000_000 + Int64(id % 10) * 1_000_000)]
    }

    func input(_ table: String, maxRowsPerBatch: Int? = nil) throws -> PostgresTableInput {
        PostgresTableInput(conninfo: try TestServer.conninfo(), table: table, keyColumn: "id", schema: Self.schema, maxRowsPerBatch: maxRowsPerBatch)
    }

    func cut(_ input: PostgresTableInput, _ batch: Int64) -> InputSlice {
        input.cut(for: BatchID(batch), at: Timestamp(microseconds: 0))
    }

    @Test func rowsAppendedInStepsAreReadExactlyOnce() throws {
        let connection = try events("steps")
        let input = try input("steps")
        try input.start()
        #expect(!input.hasPendingData)
        let empty = cut(input, 0)
        #expect(empty.records == 0 && empty.end == SourceOffset(json: "{\"key\":null}"))
        try add(1 ... 3, to: "steps", on: connection)
        #expect(input.hasPendingData)
        let first = cut(input, 1)
        #expect(first.chunks.flatMap(\.rows) == (1 ... 3).map(row))
        #expect(first.end == SourceOffset(json: "{\"key\":3}"))
        #expect(!input.hasPendingData)
        let idle = cut(input, 2)
        #expect(idle.records == 0 && idle.end == SourceOffset(json: "{\"key\":3}"))
        try add(4 ... 5, to: "steps", on: connection)
        let second = cut(input, 3)
        #expect(second.chunks.flatMap(\.rows) == (4 ... 5).map(row))
        #expect(second.end == SourceOffset(json: "{\"key\":5}"))
        #expect(first.malformedRecords == 0 && first.problems.isEmpty)
    }

    @Test func maxRowsPerBatchCapsEachCut() throws {
        let connection = try events("capped")
        try add(1 ... 5, to: "capped", on: connection)
        let input = try input("capped", maxRowsPerBatch: 2)
        try input.start()
        let cuts = (0 ..< 4).map { cut(input, $0) }
        #expect(cuts.map { $0.chunks.flatMap(\.rows) } == [[row(1), row(2)], [row(3), row(4)], [row(5)], []])
        #expect(cuts.map(\.end) == [2, 4, 5, 5].map { SourceOffset(json: "{\"key\":\($0)}") })
    }

    @Test func aReplayReturnsTheRowsTheCutRead() throws {
        let connection = try events("replayed_source")
        try add(1 ... 2, to: "replayed_source", on: connection)
        let input = try input("replayed_source")
        try input.start()
        let first = cut(input, 0)
        try add(3 ... 4, to: "replayed_source", on: connection)
        let second = cut(input, 1)
        try add(5 ... 5, to: "replayed_source", on: connection)
        let restarted = try self.input("replayed_source")
        #expect(try restarted.replay(from: nil, to: try #require(first.end)).chunks.flatMap(\.rows) == first.chunks.flatMap(\.rows))
        let again = try restarted.replay(from: first.end, to: try #require(second.end))
        #expect(again.chunks.flatMap(\.rows) == (3 ... 4).map(row))
        #expect(again.end == second.end)
        #expect(try restarted.replay(from: nil, to: SourceOffset(json: "{\"key\":null}")).records == 0)
    }

    @Test func resumingAfterAnOffsetReadsOnlyWhatFollows() throws {
        let connection = try events("resumed")
        try add(1 ... 4, to: "resumed", on: connection)
        let input = try input("resumed")
        try input.resume(after: SourceOffset(json: "{\"key\":2}"), history: [], log: "/nonexistent")
        try input.start()
        #expect(cut(input, 3).chunks.flatMap(\.rows) == (3 ... 4).map(row))
        let fresh = try self.input("resumed")
        try fresh.resume(after: nil, history: [], log: "/nonexistent")
        #expect(cut(fresh, 0).records == 4)
        #expect(throws: ReplayError.self) { try fresh.resume(after: SourceOffset(json: "{\"file\":3}"), history: [], log: "") }
        #expect(throws: ReplayError.self) { try fresh.replay(from: nil, to: SourceOffset(json: "not json")) }
    }

    @Test func aValueThatDoesNotConvertIsAMalformedRowNamingTableKeyAndColumn() throws {
        let connection = try TestServer.connection()
        try connection.execute("CREATE TABLE malformed_source (id BIGINT, word TEXT, amount TEXT, at TEXT)")
        try connection.execute("""
            INSERT INTO malformed_source VALUES (1, 'a', '1.5', '2024-01-01 00:00:01'), (2, 'b', 'abc', '2024-01-01 00:00:02'), \
            (3, 'c', NULL, '2024-02-30 00:00:00'), (4, 'd', '4', NULL), (5, 'e', 'inf', '2024-01-01 00:00:05.25')
            """)
        let input = try input("malformed_source")
        let slice = cut(input, 0)
        #expect(slice.chunks.flatMap(\.rows) == [
            [.string("a"), .double(1.5), .timestamp(1_704_067_201_000_000)],
            [.string("e"), .double(.infinity), .timestamp(1_704_067_205_250_000)],
        ])
        #expect(slice.malformedRecords == 3)
        #expect(slice.problems.map(\.description) == [
            "postgres table malformed_source: key 2, column 'amount': 'abc' is not a double; row skipped",
            "postgres table malformed_source: key 3, column 'at': '2024-02-30 00:00:00' is not a timestamp; row skipped",
            "postgres table malformed_source: key 4, column 'at': NULL in a non-nullable field; row skipped",
        ])
        #expect(slice.end == SourceOffset(json: "{\"key\":5}"))
    }

    @Test func timestampsAreReadFromZonedAndIntegerColumnsToo() throws {
        let connection = try TestServer.connection()
        try connection.execute("CREATE TABLE zoned_source (id INTEGER, word TEXT, at TIMESTAMPTZ, micros BIGINT)")
        try connection.execute("INSERT INTO zoned_source VALUES (1, 'a', '2024-01-01 01:00:00+01', 7)")
        let schema = Schema([Field("at", .timestamp), Field("micros", .timestamp)])
        let input = PostgresTableInput(conninfo: try TestServer.conninfo(), table: "zoned_source", keyColumn: "id", schema: schema)
        #expect(cut(input, 0).chunks.flatMap(\.rows) == [[.timestamp(1_704_067_200_000_000), .timestamp(7)]])
    }

    @Test func aMissingTableColumnOrNonIntegerKeyFailsTheStartNamingIt() throws {
        let connection = try events("checked_source")
        try connection.execute("ALTER TABLE checked_source ADD COLUMN label TEXT")
        let conninfo = try TestServer.conninfo()
        func startError(_ table: String, key: String, schema: Schema = Self.schema) throws -> String {
            let input = PostgresTableInput(conninfo: conninfo, table: table, keyColumn: key, schema: schema)
            return try #require(throws: PostgresError.self) { try input.start() }.message
        }
        #expect(try startError("no_such_table", key: "id") == "table no_such_table does not exist")
        #expect(try startError("checked_source", key: "key") == "table checked_source has no key column 'key'")
        #expect(try startError("checked_source", key: "label") == "table checked_source, key column 'label' is text; it must be an integer column")
        #expect(try startError("checked_source", key: "id", schema: Schema([Field("price", .double)]))
            == "table checked_source has no column 'price' (its columns: id, word, amount, at, label)")
    }

    @Test func aCutThatCannotReadReportsAProblemAndStaysPut() throws {
        let connection = try events("vanishing_source")
        try add(1 ... 1, to: "vanishing_source", on: connection)
        let input = try input("vanishing_source")
        #expect(cut(input, 0).records == 1)
        try connection.execute("DROP TABLE vanishing_source")
        let failed = cut(input, 1)
        #expect(failed.records == 0)
        #expect(failed.end == SourceOffset(json: "{\"key\":1}"))
        #expect(failed.problems.first?.description.hasPrefix("postgres table vanishing_source: cannot read past key 1: postgres 127.0.0.1:") == true)
    }

    @Test func aStreamingQueryCountsTheTablesRowsIntoAnotherTable() throws {
        let connection = try events("query_source")
        try add(1 ... 3, to: "query_source", on: connection)
        let session = Session()
        let conninfo = try TestServer.conninfo()
        let query = try session.readStream
            .postgresTable(conninfo: conninfo, table: "query_source", keyColumn: "id", schema: Self.schema, maxRowsPerBatch: 2)
            .groupBy("word").count()
            .writeStream.outputMode(.update).postgres(conninfo: conninfo, table: "query_counts", keyColumns: ["word"])
            .start(driving: .caller)
        defer { query.stop() }
        try query.processAllAvailable()
        try connection.execute("INSERT INTO query_source VALUES (4, 'w1', NULL, '2024-01-01 00:00:00')")
        try query.processAllAvailable()
        let counts = PostgresTable(conninfo: conninfo, table: "query_counts")
        #expect(try counts.allRows() == [[.string("w1"), .int64(2)], [.string("w2"), .int64(1)], [.string("w3"), .int64(1)]])
    }
}
