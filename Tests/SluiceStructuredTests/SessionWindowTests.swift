import SluiceCore
import SluiceTesting
import Synchronization
import Testing
@testable import SluiceStructured

@Suite struct SessionWindowTests {
    let session = Session()
    static let schema = Schema([Field("user", .string), Field("time", .timestamp), Field("clicks", .int64)])
    static let minute: Int64 = 60_000_000

    func event(_ user: String, _ minute: Int64, clicks: Int64 = 1) -> [Value] {
        [.string(user), .timestamp(minute * Self.minute), .int64(clicks)]
    }

    func sessions(_ frame: DataFrame) -> DataFrame {
        frame.groupBy(col("user"), session_window(col("time"), .minutes(5))).agg(count("*").alias("events"), sum(col("clicks")).alias("clicks"))
    }

    @Test func eventsLessThanTheGapApartShareASession() throws {
        let rows = try sessions(try session.createDataFrame(rows: [
            event("a", 0), event("a", 3), event("a", 20), event("b", 1), event("a", 6, clicks: 4),
        ], schema: Self.schema)).collect()
        #expect(rows == [
            [.string("a"), .timestamp(0), .timestamp(11 * Self.minute), .int64(3), .int64(6)],
            [.string("a"), .timestamp(20 * Self.minute), .timestamp(25 * Self.minute), .int64(1), .int64(1)],
            [.string("b"), .timestamp(Self.minute), .timestamp(6 * Self.minute), .int64(1), .int64(1)],
        ])
    }

    @Test func aLateEventBridgingTwoSessionsMergesThem() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        let query = try sessions(stream.toDF()).writeStream.outputMode(.complete).queryName("sessions").start(driving: .caller)
        try stream.addData([event("a", 0), event("a", 8)])
        try query.processAllAvailable()
        #expect(try session.table("sessions").collect().count == 2)
        try stream.addData([event("a", 4)])
        try query.processAllAvailable()
        #expect(try session.table("sessions").collect() == [[.string("a"), .timestamp(0), .timestamp(13 * Self.minute), .int64(3), .int64(3)]])
    }

    @Test func appendModeEmitsClosedSessionsOnce() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        let emitted = Mutex<[[Value]]>([])
        let query = try sessions(stream.toDF().withWatermark("time", .minutes(10))).writeStream.outputMode(.append)
            .foreachBatch { frame, _ in
                let rows = try frame.collect()
                emitted.withLock { $0 += rows }
            }
            .start(driving: .caller)
        try stream.addData([event("a", 0), event("a", 2)])
        try query.processAllAvailable()
        try stream.addData([event("b", 30)])
        try query.processAllAvailable()
        try stream.addData([event("b", 31)])
        try query.processAllAvailable()
        #expect(emitted.withLock { $0 } == [[.string("a"), .timestamp(0), .timestamp(7 * Self.minute), .int64(2), .int64(2)]])
        #expect(query.lastProgress?.stateOperator?.numRowsTotal == 1)
    }

    @Test func incrementalSessionsEqualTheBatchAnswerOverEveryPrefix() throws {
        var random = SeededGenerator(seed: 7)
        let stream = session.readStream.memory(schema: Self.schema)
        let query = try sessions(stream.toDF()).writeStream.outputMode(.complete).queryName("s").start(driving: .caller)
        var prefix: [[Value]] = []
        for batch in 0 ..< 6 {
            let rows = (0 ..< 8).map { _ in event(["a", "b"].randomElement(using: &random)!, Int64.random(in: 0 ... 60, using: &random)) }
            prefix += rows
            try stream.addData(rows)
            try query.processAllAvailable()
            let expected = try sessions(try session.createDataFrame(rows: prefix, schema: Self.schema)).collect()
            let actual = try session.table("s").collect()
            #expect(actual.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) }, "batch \(batch)")
        }
    }
}
