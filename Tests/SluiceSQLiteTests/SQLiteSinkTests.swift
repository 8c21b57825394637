import SluiceCore
import SluiceStructured
import Testing
@testable import SluiceSQLite

@Suite struct SQLiteSinkTests {
    let session = Session()
    static let words = Schema([Field("word", .string)])

    func sorted(_ rows: [[Value]]) -> [[Value]] { rows.sorted { $0.lexicographicallyPrecedes($1) } }

    @Test func updateModeWithoutKeyColumnsIsRefusedWithTheFix() throws {
        try TemporaryDirectory.with { directory in
            let sink = SQLiteSink(path: directory.file("out.db"), table: "counts")
            let error = #expect(throws: AnalysisError.self) { try sink.check(outputMode: .update) }
            #expect(error?.message == "the SQLite sink of table 'counts' needs key columns in update output mode, to update rows in place: pass keyColumns (the grouping columns) or use complete mode")
            try sink.check(outputMode: .append)
            try sink.check(outputMode: .complete)
        }
    }

    @Test func outputModesMapToTableWriteModes() throws {
        let sink = SQLiteSink(path: "unused.db", table: "counts", keyColumns: ["word"])
        #expect(try sink.writeMode(for: .append) == .append)
        #expect(try sink.writeMode(for: .update) == .upsert(keys: ["word"]))
        #expect(try sink.writeMode(for: .complete) == .replace)
        #expect(sink.jobID == "counts", "the job id defaults to the table's name, the same after a restart")
    }

    @Test func aDatabaseThatCannotBeOpenedFailsTheQueryAtStart() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("missing/out.db")
            let error = #expect(throws: AnalysisError.self) { try SQLiteSink(path: path, table: "counts").check(outputMode: .append) }
            #expect(error?.message == "the SQLite sink cannot open its table: sqlite \(path): cannot open the database: unable to open database file (code 14)")
        }
    }

    @Test func anUpdateModeWordCountUpsertsItsCountsIntoSQLite() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let stream = session.readStream.memory(schema: Self.words)
            let query = try stream.toDF().groupBy("word").count().writeStream.outputMode(.update)
                .sqlite(path: path, table: "counts", keyColumns: ["word"]).start(driving: .caller)
            try stream.addData([[.string("a")], [.string("b")], [.string("a")]])
            try query.processAllAvailable()
            try stream.addData([[.string("b")], [.string("c")]])
            try query.processAllAvailable()
            query.stop()

            let table = try SQLiteTable(path: path, table: "counts", jobID: "counts")
            #expect(try table.rows(orderedBy: ["word"]) == [
                [.string("a"), .int64(2)], [.string("b"), .int64(2)], [.string("c"), .int64(1)],
            ])
            #expect(try table.lastCommittedBatch() == BatchID(1))
        }
    }

    @Test func aCompleteModeQueryReplacesTheTableEachBatch() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let stream = session.readStream.memory(schema: Self.words)
            let query = try stream.toDF().groupBy("word").count().writeStream.outputMode(.complete)
                .sqlite(path: path, table: "counts").start(driving: .caller)
            try stream.addData([[.string("a")], [.string("b")]])
            try query.processAllAvailable()
            try stream.addData([[.string("a")]])
            try query.processAllAvailable()
            query.stop()
            #expect(sorted(try SQLiteTable(path: path, table: "counts", jobID: "counts").rows()) == [[.string("a"), .int64(2)], [.string("b"), .int64(1)]])
        }
    }

    @Test func aBatchRunAgainByARestartedSinkIsNotWrittenTwice() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let rows = [try RecordBatch(schema: Self.words, rows: [[.string("a")]])]
            try SQLiteSink(path: path, table: "words").addBatch(BatchID(0), rows, schema: Self.words, mode: .append)
            let restarted = SQLiteSink(path: path, table: "words")
            try restarted.addBatch(BatchID(0), rows, schema: Self.words, mode: .append)
            try restarted.addBatch(BatchID(1), rows, schema: Self.words, mode: .append)
            #expect(try restarted.table().rows() == [[.string("a")], [.string("a")]])
            #expect(try restarted.table().lastCommittedBatch() == BatchID(1))
        }
    }
}
