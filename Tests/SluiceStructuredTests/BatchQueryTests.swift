import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct BatchQueryTests {
    let session = Session()
    static let schema = Schema([Field("action", .string), Field("n", .int64, nullable: true), Field("x", .double)])

    func events() throws -> DataFrame {
        try session.createDataFrame(rows: [
            [.string("open"), .int64(1), .double(0.5)],
            [.string("close"), .int64(2), .double(1.5)],
            [.string("open"), .null, .double(2.5)],
            [.string("open"), .int64(4), .double(-1)],
        ], schema: Self.schema)
    }

    @Test func selectFilterAndArithmetic() throws {
        let frame = try events()
        #expect(try frame.select(col("n") * 2 + 1, col("x") / 2).collect()
            == [[.int64(3), .double(0.25)], [.int64(5), .double(0.75)], [.null, .double(1.25)], [.int64(9), .double(-0.5)]])
        #expect(try frame.filter(col("action") == "open" && col("n") > 1).select("n").collect() == [[.int64(4)]])
        #expect(try frame.filter(col("n").isNull()).select("x").collect() == [[.double(2.5)]])
        #expect(try frame.filter(!(col("x") < 1)).select("action").collect() == [[.string("close")], [.string("open")]])
        #expect(try frame.select(col("n") / 0).collect().allSatisfy { $0 == [.null] }, "division by zero is null, as Spark's non-ANSI mode")
    }

    @Test func withColumnAndDrop() throws {
        let frame = try events().withColumn("y", col("x") * 10).drop("x", "action")
        #expect(try frame.schema().fields.map(\.name) == ["n", "y"])
        #expect(try frame.collect().first == [.int64(1), .double(5)])
        #expect(try events().withColumn("n", col("n") + 100).collect().first?[1] == .int64(101))
    }

    @Test func wordCountWithExplodeSplit() throws {
        let lines = try session.createDataFrame(rows: [[.string("a b a")], [.string("b c")]], schema: Schema([Field("value", .string)]))
        let counts = lines.select(explode(split(col("value"), " ")).alias("word")).groupBy("word").count()
        #expect(try counts.orderBy(col("word").asc()).collect()
            == [[.string("a"), .int64(2)], [.string("b"), .int64(2)], [.string("c"), .int64(1)]])
    }

    @Test func aggregatesSkipNulls() throws {
        let result = try events().groupBy("action").agg(count("*"), count(col("n")), sum(col("n")), avg(col("x")), min(col("x")), max(col("n")))
        #expect(try result.orderBy(col("action").asc()).collect() == [
            [.string("close"), .int64(1), .int64(1), .int64(2), .double(1.5), .double(1.5), .int64(2)],
            [.string("open"), .int64(3), .int64(2), .int64(5), .double(2.0 / 3.0), .double(-1), .int64(4)],
        ])
        #expect(try events().groupBy().agg(sum(col("x"))).collect() == [[.double(3.5)]])
        #expect(try events().filter(col("n") > 100).groupBy().agg(count("*"), sum(col("n"))).collect() == [[.int64(0), .null]])
    }

    @Test func nullKeysFormOneGroup() throws {
        let result = try events().groupBy("n").count().orderBy(col("n").asc()).collect()
        #expect(result.first == [.null, .int64(1)])
        #expect(result.count == 4)
    }

    @Test func topKWithOrderByAndLimit() throws {
        let top = try events().orderBy(col("x").desc()).limit(2).select("x").collect()
        #expect(top == [[.double(2.5)], [.double(1.5)]])
    }

    @Test func dropDuplicatesKeepsTheFirstRow() throws {
        #expect(try events().dropDuplicates(["action"]).select("n").collect() == [[.int64(1)], [.int64(2)]])
    }

    @Test func castsAndTimestamps() throws {
        let frame = try session.createDataFrame(rows: [[.string("2016-03-22 20:25:28")], [.string("nope")]],
                                                schema: Schema([Field("text", .string)]))
        let times = try frame.select(to_timestamp(col("text")).alias("t")).select(hour(col("t")), col("t").cast(.int64)).collect()
        #expect(times == [[.int64(20), .int64(1_458_678_328)], [.null, .null]])
        #expect(try frame.select(col("text").cast(.int64)).collect() == [[.null], [.null]])
    }

    @Test func analysisErrorsNameTheProblem() throws {
        let frame = try events()
        #expect(throws: AnalysisError("cannot resolve column 'missing' given input columns: [action, n, x]")) {
            try frame.select("missing").collect()
        }
        #expect(throws: AnalysisError("cannot evaluate '(action + 1)': + needs numbers, got string and int64")) {
            try frame.select(col("action") + 1).collect()
        }
        #expect(throws: AnalysisError("cannot evaluate 'x': a filter needs a boolean condition, got double")) {
            try frame.filter(col("x")).collect()
        }
        #expect(throws: AnalysisError("the result has two columns named 'n'; give one of them another name with alias(_:)")) {
            try frame.select(col("n"), col("x").alias("n")).collect()
        }
        #expect(throws: AnalysisError("'x' is neither an aggregate nor a grouping key; use it in groupBy or wrap it in an aggregate")) {
            try frame.groupBy("action").agg(col("x")).collect()
        }
    }
}
