import Dispatch
import Synchronization
import SluiceCore
import Testing
@testable import SluicePostgres

@Suite("Postgres: table") struct PostgresTableTests {
    static let counts = Schema([Field("word", .string), Field("count", .int64)])

    func table(_ name: String, jobID: String? = nil) throws -> PostgresTable {
        PostgresTable(conninfo: try TestServer.conninfo(), table: name, jobID: jobID)
    }

    func counts(_ rows: [(String, Int64)]) throws -> [RecordBatch] {
        [try RecordBatch(schema: Self.counts, rows: rows.map { [.string($0.0), .int64($0.1)] })]
    }

    @Test func everyTypeAndNullRoundTrips() throws {
        let schema = Schema([
            Field("id", .int64), Field("window.start", .timestamp), Field("Price", .double, nullable: true),
            Field("ok", .bool, nullable: true), Field("name \"quoted\"", .string, nullable: true),
            Field("seen", .timestamp, nullable: true), Field("n", .int64, nullable: true),
        ])
        let rows: [[Value]] = [
            [.int64(1), .timestamp(1_714_564_800_000_250), .double(0.1), .bool(true), .string("Grüße, 'x' \"y\""), .timestamp(-1), .int64(.min)],
            [.int64(2), .timestamp(-62_135_596_800_000_001), .double(.infinity), .bool(false), .string(""), .timestamp(0), .int64(.max)],
            [.int64(3), .timestamp(253_402_300_799_999_999), .double(-.infinity), .null, .null, .null, .null],
            [.int64(4), .timestamp(0), .double(.leastNonzeroMagnitude), .null, .string("line\nbreak\ttab"), .timestamp(1), .int64(0)],
            [.int64(5), .timestamp(-1), .null, .bool(true), .string("🦆"), .null, .int64(-1)],
        ]
        let table = try table("round_trip")
        #expect(try table.write(batch: BatchID(0), rows: [RecordBatch(schema: schema, rows: rows)], schema: schema, mode: .append))
        #expect(try table.allRows() == rows)
        let readSchema = try #require(try table.schema())
        #expect(readSchema.fields.map(\.type) == schema.fields.map(\.type))
        #expect(readSchema.fields.map(\.name) == schema.fields.map(\.name))
        let stored = try TestServer.connection().execute("""
            SELECT "window.start"::text, pg_typeof("window.start")::text FROM round_trip WHERE id IN (1, 2) ORDER BY id
            """)
        #expect(stored.rows == [["2024-05-01 12:00:00.00025", "timestamp without time zone"],
                                ["0001-12-31 23:59:59.999999 BC", "timestamp without time zone"]])
    }

    @Test func aNaNIsStoredAsNaN() throws {
        let schema = Schema([Field("x", .double)])
        let table = try table("not_a_number")
        try table.write(batch: BatchID(0), rows: [RecordBatch(schema: schema, rows: [[.double(.nan)]])], schema: schema, mode: .append)
        let stored = try table.allRows()
        guard case .double(let value) = stored.first?.first else { Issue.record("read \(stored)"); return }
        #expect(value.isNaN)
    }

    @Test func aBatchRunAgainIsNotWrittenTwice() throws {
        let table = try table("replayed")
        #expect(try table.lastCommittedBatch() == nil)
        #expect(try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append))
        #expect(try !table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append))
        #expect(try table.write(batch: BatchID(1), rows: counts([("b", 2)]), schema: Self.counts, mode: .append))
        #expect(try !table.write(batch: BatchID(1), rows: counts([("b", 2)]), schema: Self.counts, mode: .append))
        #expect(try !table.write(batch: BatchID(0), rows: counts([("c", 3)]), schema: Self.counts, mode: .append))
        #expect(try table.allRows() == [[.string("a"), .int64(1)], [.string("b"), .int64(2)]])
        #expect(try table.lastCommittedBatch() == BatchID(1))
        let restarted = try self.table("replayed")
        #expect(try restarted.lastCommittedBatch() == BatchID(1))
        #expect(try !restarted.write(batch: BatchID(1), rows: counts([("b", 2)]), schema: Self.counts, mode: .append))
    }

    @Test func jobsWritingOneTableKeepTheirOwnBatches() throws {
        let first = try table("two_jobs", jobID: "first"), second = try table("two_jobs", jobID: "second")
        #expect(try first.write(batch: BatchID(3), rows: counts([("a", 1)]), schema: Self.counts, mode: .append))
        #expect(try second.write(batch: BatchID(0), rows: counts([("b", 1)]), schema: Self.counts, mode: .append))
        #expect(try first.lastCommittedBatch() == BatchID(3))
        #expect(try second.lastCommittedBatch() == BatchID(0))
    }

    @Test func writersRacingOnOneBatchWriteItOnce() throws {
        let conninfo = try TestServer.conninfo()
        let rows = try counts([("a", 1)])
        let writers = (0 ..< 4).map { _ in PostgresTable(conninfo: conninfo, table: "raced") }
        let outcomes = Mutex<[Result<Bool, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: writers.count) { index in
            let outcome = Result { try writers[index].write(batch: BatchID(7), rows: rows, schema: Self.counts, mode: .append) }
            outcomes.withLock { $0.append(outcome) }
        }
        let written = try outcomes.withLock { $0 }.map { try $0.get() }
        #expect(written.filter { $0 }.count == 1)
        #expect(try writers[0].allRows() == [[.string("a"), .int64(1)]])
    }

    @Test func anUpsertUpdatesRowsInPlaceByKeyAndTheLastRowOfAKeyWins() throws {
        let table = try table("upserted")
        try table.write(batch: BatchID(0), rows: counts([("a", 1), ("b", 1)]), schema: Self.counts, mode: .upsert(keys: ["word"]))
        try table.write(batch: BatchID(1), rows: counts([("a", 3), ("c", 1)]) + counts([("c", 2), ("c", 5)]), schema: Self.counts,
                        mode: .upsert(keys: ["word"]))
        #expect(try table.allRows() == [[.string("a"), .int64(3)], [.string("b"), .int64(1)], [.string("c"), .int64(5)]])
        let key = try TestServer.connection().execute("""
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
            WHERE i.indrelid = 'upserted'::regclass AND i.indisprimary
            """)
        #expect(key.rows == [["word"]])
    }

    @Test func anUpsertOfOnlyKeysAddsTheNewOnes() throws {
        let schema = Schema([Field("word", .string)])
        let table = try table("keys_only")
        for (batch, words) in [["a", "b"], ["b", "c"]].enumerated() {
            try table.write(batch: BatchID(Int64(batch)), rows: [RecordBatch(schema: schema, rows: words.map { [.string($0)] })],
                            schema: schema, mode: .upsert(keys: ["word"]))
        }
        #expect(try table.allRows() == [[.string("a")], [.string("b")], [.string("c")]])
    }

    @Test func manyRowsGoInSeveralStatements() throws {
        let table = try table("many_rows")
        let rows = (0 ..< 2_500).map { (String($0), Int64($0)) }
        try table.write(batch: BatchID(0), rows: counts(rows), schema: Self.counts, mode: .upsert(keys: ["word"]))
        #expect(try TestServer.connection().execute("SELECT count(*), sum(count) FROM many_rows").rows == [["2500", "3123750"]])
    }

    @Test func aReplaceLeavesOnlyTheBatchsRows() throws {
        let table = try table("replaced")
        try table.write(batch: BatchID(0), rows: counts([("a", 1), ("b", 2)]), schema: Self.counts, mode: .replace)
        try table.write(batch: BatchID(1), rows: counts([("c", 3)]), schema: Self.counts, mode: .replace)
        #expect(try table.allRows() == [[.string("c"), .int64(3)]])
        try table.write(batch: BatchID(2), rows: [], schema: Self.counts, mode: .replace)
        #expect(try table.allRows() == [])
    }

    @Test func anExistingTableOfAnotherShapeIsAnErrorNamingTableAndColumn() throws {
        try TestServer.connection().execute("CREATE TABLE misshapen (word TEXT, count INTEGER)")
        let table = try table("misshapen")
        let wrongType = try #require(throws: PostgresError.self) {
            try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append)
        }
        #expect(wrongType.message == "table misshapen, column 'count' is integer, which cannot hold the batch's int64 values (expected bigint)")
        let missing = Schema([Field("word", .string), Field("total", .int64)])
        let missingColumn = try #require(throws: PostgresError.self) {
            try table.write(batch: BatchID(0), rows: [], schema: missing, mode: .append)
        }
        #expect(missingColumn.message == "table misshapen has no column 'total' (its columns: word, count)")
        #expect(try table.lastCommittedBatch() == nil)
    }

    @Test func anUnknownKeyColumnIsAnErrorAndNothingIsWritten() throws {
        let table = try table("unknown_key")
        let error = try #require(throws: PostgresError.self) {
            try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .upsert(keys: ["wrod"]))
        }
        #expect(error.message == "table unknown_key: key column 'wrod' is not in the batch's schema (word: string, count: int64)")
        #expect(try table.lastCommittedBatch() == nil)
        #expect(try table.schema() == nil)
    }

    @Test func aTableNameTooLongForPostgresIsRefused() throws {
        let name = String(repeating: "t", count: 64)
        let error = try #require(throws: PostgresError.self) {
            try table(name).write(batch: BatchID(0), rows: [], schema: Self.counts, mode: .append)
        }
        #expect(error.message.contains("longer than 63 bytes"))
    }
}
