import SluiceCore
import Synchronization
import Testing
@testable import SluiceStructured

@Suite struct DeduplicationTests {
    let session = Session()
    static let schema = Schema([Field("id", .int64, nullable: true), Field("time", .timestamp)])
    static let minute: Int64 = 60_000_000

    func row(_ id: Int64?, _ minute: Int64) -> [Value] { [id.map(Value.int64) ?? .null, .timestamp(minute * Self.minute)] }

    @Test func batchDeduplicationKeepsTheFirstRowOfEachKeyNullsIncluded() throws {
        let frame = try session.createDataFrame(rows: [row(nil, 1), row(1, 2), row(nil, 3), row(1, 4), row(2, 5)], schema: Self.schema)
        #expect(try frame.dropDuplicates(["id"]).collect() == [row(nil, 1), row(1, 2), row(2, 5)])
    }

    @Test func streamingDeduplicationRemembersKeysUntilTheWatermarkPasses() throws {
        let stream = session.readStream.memory(schema: Self.schema)
        let distinct = stream.toDF().withWatermark("time", .minutes(10)).dropDuplicates(["id", "time"])
        let query = try distinct.writeStream.queryName("distinct").start(driving: .caller)
        try stream.addData([row(1, 1), row(1, 1), row(2, 2)])
        try query.processAllAvailable()
        try stream.addData([row(1, 1), row(3, 30)])
        try query.processAllAvailable()
        #expect(try session.table("distinct").collect() == [row(1, 1), row(2, 2), row(3, 30)], "the repeated (1, 1) was remembered")
        try stream.addData([row(1, 1), row(4, 31)])
        try query.processAllAvailable()
        #expect(query.lastProgress?.stateOperator?.numRowsDroppedByWatermark == 1, "(1, 1) is now behind the watermark")
        #expect(query.lastProgress?.stateOperator?.numRowsTotal == 2, "keys at or before minute 20 were forgotten")
        #expect(try session.table("distinct").collect().count == 4)
    }
}
