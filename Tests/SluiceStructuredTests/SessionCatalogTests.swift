import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct SessionCatalogTests {
    let session = Session()
    static let schema = Schema([Field("word", .string)])

    @Test func aTemporaryViewIsReadBackByName() throws {
        let words = try session.createDataFrame(rows: [[.string("a")], [.string("b")]], schema: Self.schema)
        words.filter(col("word") == "b").createOrReplaceTempView("bs")
        #expect(try session.table("bs").collect() == [[.string("b")]])
        words.createOrReplaceTempView("bs")
        #expect(try session.table("bs").collect().count == 2, "createOrReplaceTempView replaces the view")
    }

    @Test func aViewOfAStreamIsStreaming() {
        session.readStream.memory(schema: Self.schema).toDF().createOrReplaceTempView("lines")
        #expect((try? session.table("lines").isStreaming) == true)
    }

    @Test func aViewHidesTheMemoryTableOfTheSameName() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        let query = try stream.toDF().writeStream.queryName("words").start(driving: .caller)
        try stream.addData([[.string("streamed")]])
        try query.processAllAvailable()
        #expect(try session.table("words").collect() == [[.string("streamed")]])
        try session.createDataFrame(rows: [[.string("view")]], schema: Self.schema).createOrReplaceTempView("words")
        #expect(try session.table("words").collect() == [[.string("view")]])
        #expect(session.tableNames == ["words"])
    }

    @Test func anUnknownNameIsAnErrorListingTheKnownOnes() throws {
        try session.createDataFrame(rows: [], schema: Self.schema).createOrReplaceTempView("events")
        try session.createDataFrame(rows: [], schema: Self.schema).createOrReplaceTempView("counts")
        #expect(throws: AnalysisError("table or view not found: 'evnts'; known tables and views: [counts, events]")) {
            try session.table("evnts")
        }
    }
}
