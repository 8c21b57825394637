import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct JoinTests {
    let session = Session()
    static let orders = Schema([Field("customer_id", .int64, nullable: true), Field("time", .timestamp)])
    static let customers = Schema([Field("customer_id", .int64), Field("customer_name", .string)])

    func customers() throws -> DataFrame {
        try session.createDataFrame(rows: [[.int64(1), .string("Ann")], [.int64(2), .string("Bob")], [.int64(2), .string("Bo")]],
                                    schema: Self.customers)
    }

    func orders() -> [[Value]] {
        [[.int64(1), .timestamp(3_600_000_000)], [.int64(2), .timestamp(0)], [.int64(3), .timestamp(0)], [.null, .timestamp(0)]]
    }

    @Test func innerJoinMatchesEveryPair() throws {
        let joined = try session.createDataFrame(rows: orders(), schema: Self.orders).join(try customers(), on: "customer_id")
        #expect(try joined.schema().fields.map(\.name) == ["customer_id", "time", "customer_name"])
        #expect(try joined.collect() == [
            [.int64(1), .timestamp(3_600_000_000), .string("Ann")],
            [.int64(2), .timestamp(0), .string("Bob")], [.int64(2), .timestamp(0), .string("Bo")],
        ])
    }

    @Test func leftOuterJoinKeepsUnmatchedRowsWithNulls() throws {
        let joined = try session.createDataFrame(rows: orders(), schema: Self.orders).join(try customers(), on: "customer_id", kind: .leftOuter)
        #expect(try joined.collect().map { $0[2] } == [.string("Ann"), .string("Bob"), .string("Bo"), .null, .null])
    }

    @Test func theLecturesStreamStaticJoinCountsPerCustomerAndHour() throws {
        let stream = session.readStream.memory(schema: Self.orders)
        let counts = stream.toDF().join(try customers(), on: "customer_id").groupBy(col("customer_name"), hour(col("time"))).count()
        let query = try counts.writeStream.outputMode(.complete).queryName("per_customer").start(driving: .caller)
        try stream.addData(orders())
        try query.processAllAvailable()
        let rows = try session.table("per_customer").collect().sorted { $0.lexicographicallyPrecedes($1) }
        #expect(rows == [[.string("Ann"), .int64(1), .int64(1)], [.string("Bo"), .int64(0), .int64(1)], [.string("Bob"), .int64(0), .int64(1)]])
    }

    @Test func streamStreamJoinsAreRejected() {
        let left = session.readStream.memory(schema: Self.orders).toDF()
        let right = session.readStream.memory(schema: Self.customers).toDF()
        #expect(throws: AnalysisError.self) { try left.join(right, on: "customer_id").writeStream.queryName("j").start(driving: .caller) }
    }

    @Test func joinColumnsMustExistOnBothSidesWithOneType() throws {
        let other = try session.createDataFrame(rows: [[.string("1")]], schema: Schema([Field("customer_id", .string)]))
        #expect(throws: AnalysisError("join column 'customer_id' is int64 on the left and string on the right")) {
            try session.createDataFrame(rows: orders(), schema: Self.orders).join(other, on: "customer_id").collect()
        }
    }
}
