import SluiceCore
import SluiceTesting
import Synchronization
import Testing
@testable import SluiceStructured

/// Differential-dataflow style: for random inputs cut into random batches, the incremental answer after
/// each batch equals the batch query over the prefix of the input seen so far.
@Suite struct PrefixIntegrityTests {
    static let schema = Schema([Field("key", .string), Field("time", .timestamp), Field("amount", .int64, nullable: true)])

    static func randomBatches(seed: UInt64) -> [[[Value]]] {
        var random = SeededGenerator(seed: seed)
        return (0 ..< Int.random(in: 1 ... 8, using: &random)).map { _ in
            (0 ..< Int.random(in: 0 ... 30, using: &random)).map { _ in
                [.string(["a", "b", "c", "d"].randomElement(using: &random)!),
                 .timestamp(Int64.random(in: 0 ... 7200, using: &random) * 1_000_000),
                 Bool.random(using: &random) ? .int64(Int64.random(in: -5 ... 50, using: &random)) : .null]
            }
        }
    }

    /// The queries checked: the same DataFrame code over a table and over a stream.
    static let queries: [(String, @Sendable (DataFrame) -> DataFrame)] = [
        ("count by key", { $0.groupBy("key").count() }),
        ("sums by sliding window", {
            $0.groupBy(col("key"), window(col("time"), .minutes(30), slide: .minutes(10)))
                .agg(sum(col("amount")).alias("total"), count(col("amount")).alias("n"), max(col("amount")).alias("top"))
        }),
        ("global average of a filter", { $0.filter(col("amount") > 10).groupBy().agg(avg(col("amount")).alias("mean")) }),
    ]

    func sorted(_ rows: [[Value]]) -> [[Value]] { rows.sorted { $0.lexicographicallyPrecedes($1) } }

    @Test(arguments: 1 ... 12)
    func completeModeEqualsTheBatchAnswerOverEveryPrefix(seed: Int) throws {
        let batches = Self.randomBatches(seed: UInt64(seed))
        for (name, query) in Self.queries {
            let session = Session()
            let stream = session.readStream.memory(schema: Self.schema)
            let running = try query(stream.toDF()).writeStream.outputMode(.complete).queryName("result").start(driving: .caller)
            var prefix: [[Value]] = []
            for (index, batch) in batches.enumerated() {
                try stream.addData(batch)
                prefix += batch
                try running.processAllAvailable()
                guard !prefix.isEmpty else { continue }
                let expected = try query(try session.createDataFrame(rows: prefix, schema: Self.schema)).collect()
                #expect(sorted(try session.table("result").collect()) == sorted(expected), "\(name), seed \(seed), after batch \(index)")
            }
            running.stop()
        }
    }

    @Test(arguments: 1 ... 12)
    func updateModeUpsertsRebuildTheBatchAnswer(seed: Int) throws {
        let batches = Self.randomBatches(seed: UInt64(seed) &+ 100)
        let session = Session()
        let stream = session.readStream.memory(schema: Self.schema)
        let query = { (frame: DataFrame) in frame.groupBy(col("key")).agg(sum(col("amount")).alias("total"), count("*").alias("rows")) }
        let table = Mutex<[Value: [Value]]>([:])
        let running = try query(stream.toDF()).writeStream.outputMode(.update)
            .foreachBatch { frame, _ in
                let rows = try frame.collect()
                table.withLock { table in for row in rows { table[row[0]] = row } }
            }
            .start(driving: .caller)
        var prefix: [[Value]] = []
        for (index, batch) in batches.enumerated() where !batch.isEmpty {
            try stream.addData(batch)
            prefix += batch
            try running.processAllAvailable()
            let expected = try query(try session.createDataFrame(rows: prefix, schema: Self.schema)).collect()
            #expect(sorted(Array(table.withLock { $0 }.values)) == sorted(expected), "seed \(seed), after batch \(index)")
        }
    }
}
