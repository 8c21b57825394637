import SluiceCore
import SluiceStructured
import Testing
@testable import SluicePostgres

@Suite("Postgres: sink") struct PostgresSinkTests {
    static let words = Schema([Field("word", .string)])

    @Test func updateModeNeedsKeyColumns() throws {
        let keyless = PostgresSink(conninfo: "host=127.0.0.1", table: "t")
        #expect(throws: AnalysisError.self) { try keyless.check(outputMode: .update) }
        try keyless.check(outputMode: .append)
        try keyless.check(outputMode: .complete)
        try PostgresSink(conninfo: "host=127.0.0.1", table: "t", keyColumns: ["word"]).check(outputMode: .update)
    }

    @Test func aQueryWithoutKeysInUpdateModeDoesNotStart() throws {
        let session = Session()
        let stream = session.readStream.memory(schema: Self.words)
        let writer = stream.toDF().groupBy("word").count().writeStream.outputMode(.update)
            .postgres(conninfo: try TestServer.conninfo(), table: "never_started")
        #expect(throws: AnalysisError.self) { try writer.start(driving: .caller) }
    }

    @Test func updateModeCountsAreUpdatedInPlace() throws {
        let session = Session()
        let stream = session.readStream.memory(schema: Self.words)
        let query = try stream.toDF().groupBy("word").count().writeStream.outputMode(.update)
            .postgres(conninfo: try TestServer.conninfo(), table: "word_counts", keyColumns: ["word"])
            .start(driving: .caller)
        defer { query.stop() }
        try stream.addData([[.string("a")], [.string("b")], [.string("a")]])
        try query.processAllAvailable()
        let table = PostgresTable(conninfo: try TestServer.conninfo(), table: "word_counts")
        #expect(try table.allRows() == [[.string("a"), .int64(2)], [.string("b"), .int64(1)]])
        try stream.addData([[.string("b")], [.string("c")]])
        try query.processAllAvailable()
        #expect(try table.allRows() == [[.string("a"), .int64(2)], [.string("b"), .int64(2)], [.string("c"), .int64(1)]])
        #expect(try table.lastCommittedBatch() == BatchID(1))
    }

    @Test func completeModeReplacesTheTable() throws {
        let session = Session()
        let stream = session.readStream.memory(schema: Self.words)
        let query = try stream.toDF().groupBy("word").count().writeStream.outputMode(.complete)
            .postgres(conninfo: try TestServer.conninfo(), table: "complete_counts")
            .start(driving: .caller)
        defer { query.stop() }
        try stream.addData([[.string("a")]])
        try query.processAllAvailable()
        try stream.addData([[.string("b")]])
        try query.processAllAvailable()
        let table = PostgresTable(conninfo: try TestServer.conninfo(), table: "complete_counts")
        #expect(try table.allRows() == [[.string("a"), .int64(1)], [.string("b"), .int64(1)]])
    }

    @Test func aBatchAddedAgainAfterARestartIsSkipped() throws {
        let conninfo = try TestServer.conninfo()
        let rows = [try RecordBatch(schema: Self.words, rows: [[.string("a")]])]
        try PostgresSink(conninfo: conninfo, table: "restarted_sink").addBatch(BatchID(0), rows, schema: Self.words, mode: .append)
        let restarted = PostgresSink(conninfo: conninfo, table: "restarted_sink")
        try restarted.addBatch(BatchID(0), rows, schema: Self.words, mode: .append)
        try restarted.addBatch(BatchID(1), rows, schema: Self.words, mode: .append)
        #expect(try restarted.table.allRows() == [[.string("a")], [.string("a")]])
    }
}
