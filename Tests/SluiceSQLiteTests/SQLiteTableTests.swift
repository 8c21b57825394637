import SluiceCore
import Testing
@testable import SluiceSQLite

@Suite struct SQLiteTableTests {
    static let counts = Schema([Field("word", .string), Field("count", .int64)])

    func batch(_ rows: [[Value]], _ schema: Schema = counts) throws -> [RecordBatch] {
        [try RecordBatch(schema: schema, rows: rows)]
    }

    func counts(_ pairs: [(String, Int64)]) throws -> [RecordBatch] {
        try batch(pairs.map { [.string($0.0), .int64($0.1)] })
    }

    @Test func everyTypeAndNullRoundTrips() throws {
        let schema = Schema([
            Field("id", .int64), Field("price", .double, nullable: true), Field("active", .bool, nullable: true),
            Field("symbol", .string, nullable: true), Field("time", .timestamp, nullable: true), Field("quantity", .int64, nullable: true),
        ])
        let rows: [[Value]] = [
            [.int64(1), .double(10.5), .bool(true), .string("AAPL"), .timestamp(1_700_000_000_123_456), .int64(-7)],
            [.int64(2), .null, .bool(false), .string(""), .timestamp(-1), .null],
            [.int64(3), .double(-0.25), .null, .null, .null, .int64(.max)],
            [.int64(4), .double(1e300), .bool(true), .string("ACME, \"Inc\" ☃"), .timestamp(0), .int64(.min)],
        ]
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "orders", jobID: "job")
            #expect(try table.rows() == [], "no table before the first write")
            #expect(try table.write(batch: BatchID(0), rows: batch(rows, schema), schema: schema, mode: .append))
            #expect(try table.rows(orderedBy: ["id"], schema: schema) == rows)
            #expect(try table.rows(orderedBy: ["id"])[2] == [.int64(3), .double(-0.25), .null, .null, .null, .int64(.max)])
            #expect(try table.rows(orderedBy: ["id"])[0][2] == .int64(1), "without a schema a bool reads back as the integer stored")
            #expect(try table.lastCommittedBatch() == BatchID(0))
        }
    }

    @Test func aReplayedBatchIsRecognisedAndNotWrittenTwice() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "words", jobID: "job")
            #expect(try table.lastCommittedBatch() == nil)
            #expect(try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append))
            #expect(try table.write(batch: BatchID(1), rows: counts([("b", 1)]), schema: Self.counts, mode: .append))
            #expect(try table.write(batch: BatchID(1), rows: counts([("b", 1)]), schema: Self.counts, mode: .append) == false)
            #expect(try table.write(batch: BatchID(0), rows: counts([("z", 9)]), schema: Self.counts, mode: .append) == false)

            let reopened = try SQLiteTable(path: path, table: "words", jobID: "job")
            #expect(try reopened.lastCommittedBatch() == BatchID(1))
            #expect(try reopened.write(batch: BatchID(1), rows: counts([("b", 1)]), schema: Self.counts, mode: .append) == false)
            #expect(try reopened.rows(orderedBy: ["word"]) == [[.string("a"), .int64(1)], [.string("b"), .int64(1)]])
        }
    }

    @Test func eachJobAndEachTableCountsItsOwnBatches() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let first = try SQLiteTable(path: path, table: "words", jobID: "first")
            let second = try SQLiteTable(path: path, table: "words", jobID: "second")
            let other = try SQLiteTable(path: path, table: "other", jobID: "first")
            try first.write(batch: BatchID(3), rows: counts([("a", 1)]), schema: Self.counts, mode: .append)
            #expect(try second.lastCommittedBatch() == nil)
            #expect(try other.lastCommittedBatch() == nil)
            #expect(try second.write(batch: BatchID(0), rows: counts([("b", 1)]), schema: Self.counts, mode: .append))
            #expect(try first.rows(orderedBy: ["word"]).count == 2)
            #expect(try first.lastCommittedBatch() == BatchID(3))
            #expect(try second.lastCommittedBatch() == BatchID(0))
        }
    }

    @Test func upsertUpdatesCountsInPlace() throws {
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "counts", jobID: "job")
            let mode = TableWriteMode.upsert(keys: ["word"])
            try table.write(batch: BatchID(0), rows: counts([("a", 1), ("b", 1)]), schema: Self.counts, mode: mode)
            try table.write(batch: BatchID(1), rows: counts([("a", 2), ("c", 1)]), schema: Self.counts, mode: mode)
            try table.write(batch: BatchID(2), rows: counts([("c", 2), ("c", 3)]), schema: Self.counts, mode: mode)
            #expect(try table.rows(orderedBy: ["word"]) == [
                [.string("a"), .int64(2)], [.string("b"), .int64(1)], [.string("c"), .int64(3)],
            ], "the last row of a key wins, also within one batch")
        }
    }

    @Test func upsertOnWindowColumnsWithDotsAndQuotesInTheirNames() throws {
        let schema = Schema([Field("window.start", .timestamp), Field("window.end", .timestamp), Field("say \"hi\"", .string), Field("count", .int64)])
        let mode = TableWriteMode.upsert(keys: ["window.start", "window.end", "say \"hi\""])
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "window counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: batch([[.timestamp(0), .timestamp(10), .string("x"), .int64(1)]], schema), schema: schema, mode: mode)
            try table.write(batch: BatchID(1), rows: batch([
                [.timestamp(0), .timestamp(10), .string("x"), .int64(4)], [.timestamp(10), .timestamp(20), .string("x"), .int64(1)],
            ], schema), schema: schema, mode: mode)
            #expect(try table.rows(orderedBy: ["window.start"], schema: schema) == [
                [.timestamp(0), .timestamp(10), .string("x"), .int64(4)], [.timestamp(10), .timestamp(20), .string("x"), .int64(1)],
            ])
        }
    }

    @Test func replaceKeepsOnlyTheLatestBatchsRows() throws {
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: counts([("a", 1), ("b", 1), ("c", 1)]), schema: Self.counts, mode: .replace)
            try table.write(batch: BatchID(1), rows: counts([("a", 2)]), schema: Self.counts, mode: .replace)
            #expect(try table.rows() == [[.string("a"), .int64(2)]])
            #expect(try table.write(batch: BatchID(2), rows: [], schema: Self.counts, mode: .replace))
            #expect(try table.rows() == [])
            #expect(try table.lastCommittedBatch() == BatchID(2))
        }
    }

    @Test func aBatchWithoutRowsCreatesTheTableAndCommitsItsID() throws {
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "counts", jobID: "job")
            #expect(try table.write(batch: BatchID(0), rows: [], schema: Self.counts, mode: .upsert(keys: ["word"])))
            #expect(try table.lastCommittedBatch() == BatchID(0))
            #expect(try table.rows() == [])
            let wrongKey = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(1), rows: [], schema: Self.counts, mode: .upsert(keys: ["count"]))
            }
            #expect(wrongKey?.message == "the table's primary key is (word), not the upsert keys (count)")
        }
    }

    @Test func aSchemaThatDiffersFromTheTableIsAnErrorNamingTheColumnAndNothingIsWritten() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append)

            let doubled = Schema([Field("word", .string), Field("count", .double)])
            let typeError = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(1), rows: batch([[.string("b"), .double(1)]], doubled), schema: doubled, mode: .append)
            }
            #expect(typeError?.description
                == "sqlite \(path), table 'counts': column 'count' is INTEGER in the table but double (stored as REAL) in the batch's schema")

            let renamed = Schema([Field("word", .string), Field("total", .int64)])
            let missing = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(1), rows: batch([[.string("b"), .int64(1)]], renamed), schema: renamed, mode: .append)
            }
            #expect(missing?.message == "column 'total' of the batch's schema is not in the table, whose columns are (word TEXT, count INTEGER)")

            let fewer = Schema([Field("word", .string)])
            let extra = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(1), rows: batch([[.string("b")]], fewer), schema: fewer, mode: .append)
            }
            #expect(extra?.message == "the table's column 'count' is not in the batch's schema (word: string)")

            #expect(try table.rows() == [[.string("a"), .int64(1)]])
            #expect(try table.lastCommittedBatch() == BatchID(0))
            #expect(try table.write(batch: BatchID(1), rows: counts([("b", 1)]), schema: Self.counts, mode: .append), "a failed write leaves no open transaction")
        }
    }

    @Test func upsertKeysThatAreNotColumnsOrAreNullAreErrorsNamingThem() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            let unknown = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .upsert(keys: ["wrd", "day"]))
            }
            #expect(unknown?.description
                == "sqlite \(path), table 'counts': upsert key columns 'wrd', 'day' are not in the batch's schema (word: string, count: int64)")
            let none = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .upsert(keys: []))
            }
            #expect(none?.message == "an upsert needs at least one key column")

            let nullable = Schema([Field("word", .string, nullable: true), Field("count", .int64)])
            let nullKey = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(0), rows: [try RecordBatch(schema: nullable, rows: [[.string("a"), .int64(1)]]),
                                                          try RecordBatch(schema: nullable, rows: [[.string("b"), .int64(1)], [.null, .int64(2)]])],
                                schema: nullable, mode: .upsert(keys: ["word"]))
            }
            #expect(nullKey?.message == "upsert key column 'word' is null in row 2 of the batch; keys must not be null")
            #expect(try table.lastCommittedBatch() == nil)
        }
    }

    @Test func upsertIntoATableMadeForAppendIsAnError() throws {
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append)
            let error = #expect(throws: SQLiteError.self) {
                try table.write(batch: BatchID(1), rows: counts([("a", 2)]), schema: Self.counts, mode: .upsert(keys: ["word"]))
            }
            #expect(error?.message == "the table has no primary key, so it cannot be upserted on (word): it was made for append or complete mode")
        }
    }

    @Test func theBookkeepingTableIsNoDataTable() throws {
        try TemporaryDirectory.with { directory in
            let error = #expect(throws: SQLiteError.self) { try SQLiteTable(path: directory.file("out.db"), table: "sluice_batches", jobID: "job") }
            #expect(error?.message == "the table needs a name other than '', 'sluice_batches' or one holding NUL")
        }
    }
}

extension SQLiteTableTests {
    @Test func readingAColumnTheTableLacksIsAnErrorNamingIt() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: counts([("a", 1)]), schema: Self.counts, mode: .append)
            let error = #expect(throws: SQLiteError.self) { try table.rows(orderedBy: ["day"]) }
            #expect(error?.description == "sqlite \(path), table 'counts': no column 'day' to read; the table's columns are (word, count)")
            let unknown = Schema([Field("word", .string), Field("total", .int64)])
            let schemaError = #expect(throws: SQLiteError.self) { try table.rows(schema: unknown) }
            #expect(schemaError?.message == "no column 'total' to read; the table's columns are (word, count)")
        }
    }
}
