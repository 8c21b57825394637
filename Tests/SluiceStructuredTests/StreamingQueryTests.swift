import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceStructured

@Suite struct StreamingQueryTests {
    let session = Session()
    static let events = Schema([Field("action", .string), Field("time", .timestamp)])
    static let minute: Int64 = 60_000_000

    func event(_ action: String, minute: Int64) -> [Value] { [.string(action), .timestamp(minute * Self.minute)] }

    func sorted(_ rows: [[Value]]) -> [[Value]] { rows.sorted { $0.lexicographicallyPrecedes($1) } }

    @Test func completeModeWordCountOverAMemoryStream() throws {
        let lines = session.readStream.memory(schema: Schema([Field("value", .string)]))
        let counts = lines.toDF().select(explode(split(col("value"), " ")).alias("word")).groupBy("word").count()
        let query = try counts.writeStream.outputMode(.complete).queryName("counts").start(driving: .caller)
        try lines.addData([[.string("a b")], [.string("a")]])
        try query.processAllAvailable()
        #expect(sorted(try session.table("counts").collect()) == [[.string("a"), .int64(2)], [.string("b"), .int64(1)]])
        try lines.addData([[.string("b c")]])
        try query.processAllAvailable()
        #expect(sorted(try session.table("counts").collect())
            == [[.string("a"), .int64(2)], [.string("b"), .int64(2)], [.string("c"), .int64(1)]])
        #expect(query.lastProgress?.batchId == BatchID(1))
        #expect(query.lastProgress?.numInputRows == 1)
        #expect(query.lastProgress?.stateOperator?.numRowsTotal == 3)
        query.stop()
        #expect(!query.isActive)
    }

    @Test func updateModeEmitsOnlyChangedGroups() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let emitted = Mutex<[[[Value]]]>([])
        let query = try stream.toDF().groupBy("action").count().writeStream.outputMode(.update)
            .foreachBatch { frame, _ in
                let rows = try frame.collect()
                emitted.withLock { $0.append(rows) }
            }
            .start(driving: .caller)
        try stream.addData([event("open", minute: 1), event("close", minute: 2)])
        try query.processAllAvailable()
        try stream.addData([event("open", minute: 3)])
        try query.processAllAvailable()
        let batches = emitted.withLock { $0 }
        #expect(batches.count == 2)
        #expect(sorted(batches[0]) == [[.string("close"), .int64(1)], [.string("open"), .int64(1)]])
        #expect(batches[1] == [[.string("open"), .int64(2)]])
    }

    @Test func appendModeWithoutAggregationPassesRowsThrough() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let query = try stream.toDF().filter(col("action") == "open").select("time")
            .writeStream.queryName("opens").start(driving: .caller)
        try stream.addData([event("open", minute: 1), event("close", minute: 2), event("open", minute: 5)])
        try query.processAllAvailable()
        #expect(try session.table("opens").collect() == [[.timestamp(Self.minute)], [.timestamp(5 * Self.minute)]])
    }

    @Test func watermarkDropsLateRowsEvictsAndAppendsClosedWindows() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let windowed = stream.toDF().withWatermark("time", .minutes(10))
            .groupBy(col("action"), window(col("time"), .minutes(10))).count()
        let query = try windowed.writeStream.outputMode(.append).queryName("closed").start(driving: .caller)
        try stream.addData([event("open", minute: 1), event("open", minute: 12)])
        try query.processAllAvailable()
        #expect(try session.table("closed").collect().isEmpty, "no watermark yet in the first batch")
        #expect(query.watermark == Timestamp(microseconds: 2 * Self.minute))
        try stream.addData([event("open", minute: 25)])
        try query.processAllAvailable()
        #expect(query.watermark == Timestamp(microseconds: 15 * Self.minute))
        try stream.addData([event("open", minute: 3), event("open", minute: 15), event("open", minute: 16)])
        try query.processAllAvailable()
        #expect(query.lastProgress?.stateOperator?.numRowsDroppedByWatermark == 2, "minutes 3 and 15 are at or before the watermark")
        #expect(query.lastProgress?.watermark == Timestamp(microseconds: 15 * Self.minute))
        #expect(try session.table("closed").collect() == [[.string("open"), .timestamp(0), .timestamp(10 * Self.minute), .int64(1)]],
                "the [0, 10) window closed when the watermark passed its end, and was emitted once")
    }

    @Test func outputModeRulesAreCheckedAtStart() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let counts = stream.toDF().groupBy("action").count()
        #expect(throws: AnalysisError.self) { try counts.writeStream.outputMode(.append).queryName("a").start(driving: .caller) }
        #expect(throws: AnalysisError.self) { try stream.toDF().writeStream.outputMode(.complete).queryName("b").start(driving: .caller) }
        #expect(throws: AnalysisError.self) {
            try stream.toDF().orderBy(col("time").asc()).writeStream.queryName("c").start(driving: .caller)
        }
        #expect(throws: AnalysisError.self) {
            try counts.limit(1).writeStream.outputMode(.update).queryName("d").start(driving: .caller)
        }
        #expect(throws: AnalysisError.self) {
            try counts.groupBy("count").agg(count("*").alias("n")).writeStream.outputMode(.complete).queryName("e").start(driving: .caller)
        }
        do {
            _ = try counts.writeStream.outputMode(.append).queryName("a").start(driving: .caller)
        } catch {
            #expect("\(error)".hasPrefix("Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark"))
        }
    }

    @Test func topKInCompleteMode() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let top = stream.toDF().groupBy("action").count().orderBy(col("count").desc()).limit(1)
        let query = try top.writeStream.outputMode(.complete).queryName("top").start(driving: .caller)
        try stream.addData([event("a", minute: 1), event("b", minute: 1), event("b", minute: 2)])
        try query.processAllAvailable()
        #expect(try session.table("top").collect() == [[.string("b"), .int64(2)]])
    }

    @Test func projectionsAndFiltersAboveTheAggregationRunOnItsResult() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let busy = stream.toDF().groupBy("action").count().filter(col("count") > 1).select(col("count") * 10, col("action"))
        let query = try busy.writeStream.outputMode(.complete).queryName("busy").start(driving: .caller)
        try stream.addData([event("a", minute: 1), event("b", minute: 1), event("b", minute: 2)])
        try query.processAllAvailable()
        #expect(try session.table("busy").collect() == [[.int64(20), .string("b")]])
        try stream.addData([event("a", minute: 3)])
        try query.processAllAvailable()
        #expect(sorted(try session.table("busy").collect()) == [[.int64(20), .string("a")], [.int64(20), .string("b")]],
                "the state spans batches; the filter and projection see the whole count")
    }

    @Test func projectionsAboveDeduplicationRunOnItsNewRows() throws {
        let stream = session.readStream.memory(schema: Self.events)
        let query = try stream.toDF().dropDuplicates(["action"]).select("time").writeStream.queryName("first").start(driving: .caller)
        try stream.addData([event("a", minute: 1), event("a", minute: 2)])
        try query.processAllAvailable()
        try stream.addData([event("a", minute: 3), event("b", minute: 4)])
        try query.processAllAvailable()
        #expect(try session.table("first").collect() == [[.timestamp(Self.minute)], [.timestamp(4 * Self.minute)]])
    }

    @Test func consoleSinkPrintsSparksTable() throws {
        let printed = Mutex<[String]>([])
        let stream = session.readStream.memory(schema: Schema([Field("word", .string)]))
        let query = try stream.toDF().groupBy("word").count().writeStream.outputMode(.complete)
            .console { text in printed.withLock { $0.append(text) } }.start(driving: .caller)
        try stream.addData([[.string("spark")], [.string("spark")]])
        try query.processAllAvailable()
        #expect(printed.withLock { $0 } == ["""
        -------------------------------------------
        Batch: 0
        -------------------------------------------
        +-----+-----+
        | word|count|
        +-----+-----+
        |spark|    2|
        +-----+-----+

        """])
    }
}

@Suite struct ProducerStreamTests {
    @Test func producerThreadsFeedAQueryThroughTheRing() throws {
        let session = Session()
        let schema = Schema([Field("n", .int64)])
        let (frame, input) = session.readStream.producers(schema: schema)
        let query = try frame.groupBy().agg(sum(col("n")).alias("total"), count("*").alias("rows"))
            .writeStream.outputMode(.complete).queryName("totals").start(driving: .caller)
        let producers = try (0 ..< 3).map { _ in try input.makeProducer() }
        let threads = producers.enumerated().map { index, producer in
            Thread {
                for chunk in 0 ..< 20 {
                    let first = index * 1000 + chunk * 50
                    let rows: [[Value]] = (first ..< first + 50).map { [Value.int64(Int64($0))] }
                    _ = try? producer.send(try RecordBatch(schema: schema, rows: rows))
                }
                producer.finish()
            }
        }
        threads.forEach { $0.start() }
        #expect(input.waitForRows(atLeast: 3001, timeout: .seconds(30)) == .finished(rowsAvailable: 3000))
        try query.processAllAvailable()
        let expected: Int64 = (0 ..< 3000).reduce(0) { $0 + Int64($1) }
        #expect(try session.table("totals").collect() == [[.int64(expected), .int64(3000)]])
    }
}
