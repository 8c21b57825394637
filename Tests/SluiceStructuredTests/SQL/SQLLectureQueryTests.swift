import SluiceCore
import Testing
@testable import SluiceStructured

/// The lecture's two SQL queries: a windowed count over a stream, and a total over the memory table a
/// streaming query keeps.
@Suite struct SQLLectureQueryTests {
    let session = Session()
    static let schema = Schema([Field("action", .string), Field("time", .timestamp)])
    static let base = Timestamp(year: 2016, month: 3, day: 22, hour: 20).microseconds
    static let minute: Int64 = 60_000_000
    static let windowedCount = "SELECT action, WINDOW(time, '1 hour'), COUNT(*) FROM events GROUP BY action, WINDOW(time, '1 hour')"

    func event(_ action: String, minute: Int64) -> [Value] { [.string(action), .timestamp(Self.base + minute * Self.minute)] }
    func hour(_ offset: Int64) -> Value { .timestamp(Self.base + offset * 60 * Self.minute) }
    func sorted(_ rows: [[Value]]) -> [[Value]] { rows.sorted { $0.lexicographicallyPrecedes($1) } }

    @Test func windowedCountRunsAsAStreamingQuery() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        stream.toDF().createOrReplaceTempView("events")
        let counts = try session.sql(Self.windowedCount)
        #expect(counts.isStreaming)
        #expect(try counts.schema().fields.map(\.name) == ["action", "window.start", "window.end", "count(1)"])
        guard case .aggregate(.source, let keys, _) = counts.plan else {
            Issue.record("expected the bare aggregate node that groupBy(…).agg(count) builds, got \(counts.plan)")
            return
        }
        #expect(keys == [.column("action"), .window(.column("time"), length: .hours(1), slide: .hours(1), start: .zero)])

        let query = try counts.writeStream.outputMode(.complete).queryName("counts").start(driving: .caller)
        try stream.addData([event("login", minute: 5), event("login", minute: 50), event("logout", minute: 55)])
        try query.processAllAvailable()
        #expect(sorted(try session.table("counts").collect()) == [
            [.string("login"), hour(0), hour(1), .int64(2)],
            [.string("logout"), hour(0), hour(1), .int64(1)],
        ])
        try stream.addData([event("login", minute: 61), event("login", minute: 20)])
        try query.processAllAvailable()
        #expect(sorted(try session.table("counts").collect()) == [
            [.string("login"), hour(0), hour(1), .int64(3)],
            [.string("login"), hour(1), hour(2), .int64(1)],
            [.string("logout"), hour(0), hour(1), .int64(1)],
        ])
        query.stop()
    }

    @Test func totalOverTheMemoryTableOfAStreamingQuery() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        let query = try stream.toDF().groupBy(col("action"), window(col("time"), .hours(1))).count()
            .writeStream.outputMode(.complete).queryName("counts").start(driving: .caller)
        try stream.addData([event("login", minute: 5), event("login", minute: 70), event("logout", minute: 80), event("login", minute: 130)])
        try query.processAllAvailable()
        let total = "SELECT sum(count) FROM counts WHERE action = 'login'"
        #expect(try session.sql(total).collect() == [[.int64(3)]])
        #expect(try session.sql(total).schema().fields.map(\.name) == ["sum(count)"])
        try stream.addData([event("login", minute: 140)])
        try query.processAllAvailable()
        #expect(try session.sql(total).collect() == [[.int64(4)]], "each sql call reads the memory table as it is then")
        query.stop()
    }

    @Test func bothQueriesChained() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        stream.toDF().createOrReplaceTempView("events")
        let counts = try session.sql("SELECT action, WINDOW(time, '1 hour'), COUNT(*) AS count FROM events GROUP BY action, WINDOW(time, '1 hour')")
        let query = try counts.writeStream.outputMode(.complete).queryName("counts").start(driving: .caller)
        try stream.addData([event("login", minute: 5), event("logout", minute: 6), event("login", minute: 65)])
        try query.processAllAvailable()
        #expect(try session.sql("SELECT sum(count) FROM counts WHERE action = 'login'").collect() == [[.int64(2)]])
        #expect(try session.sql("SELECT `window.start`, count FROM counts WHERE action = 'login' ORDER BY `window.start` DESC").collect()
            == [[hour(1), .int64(1)], [hour(0), .int64(1)]])
        query.stop()
    }

    @Test func havingAndAReorderedSelectListStream() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        stream.toDF().createOrReplaceTempView("events")
        let busy = try session.sql("SELECT COUNT(*) AS n, action FROM events GROUP BY action HAVING COUNT(*) >= 2 ORDER BY n DESC")
        let query = try busy.writeStream.outputMode(.complete).queryName("busy").start(driving: .caller)
        try stream.addData([event("login", minute: 1), event("login", minute: 2), event("logout", minute: 3)])
        try query.processAllAvailable()
        #expect(try session.table("busy").collect() == [[.int64(2), .string("login")]])
        try stream.addData([event("logout", minute: 4), event("logout", minute: 5)])
        try query.processAllAvailable()
        #expect(try session.table("busy").collect() == [[.int64(3), .string("logout")], [.int64(2), .string("login")]])
        query.stop()
    }

    @Test func windowedCountInAppendModeOverAViewWithAWatermark() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        stream.toDF().withWatermark("time", .minutes(10)).createOrReplaceTempView("events")
        let query = try session.sql(Self.windowedCount).writeStream.outputMode(.append).queryName("closed").start(driving: .caller)
        try stream.addData([event("login", minute: 5), event("login", minute: 30)])
        try query.processAllAvailable()
        try stream.addData([event("login", minute: 75)])
        try query.processAllAvailable()
        try stream.addData([event("login", minute: 76)])
        try query.processAllAvailable()
        #expect(try session.table("closed").collect() == [[.string("login"), hour(0), hour(1), .int64(2)]],
                "the first hour closed once the watermark (75 - 10 minutes) passed its end")
        query.stop()
    }
}
