import Foundation
import SluiceCore
import SluiceOrders
import Synchronization
import Testing
@testable import SluiceStructured

/// A stateful query stopped and started again on its checkpoint — restored from a snapshot, deltas, or
/// both, with groups the watermark evicted among them — goes on exactly as one that never stopped:
/// the same rows out of every batch and the same number of live state rows.
@Suite struct CheckpointRestoreTests {
    /// 3,000 orders over six hours as 6 batches of about an hour each, so the watermark evicts windows.
    static let batches: [RecordBatch] = {
        let text = OrderGenerator.generate(.init(count: 3000, seed: 11)).text
        let orders = OrderParser().decode(text, source: "orders", firstLine: 1).batch
        return (0 ..< 6).map { orders.slice(rows: $0 * 500 ..< ($0 + 1) * 500) }
    }()

    struct Outcome: Equatable {
        /// Each batch's output rows, sorted.
        var outputs: [[[Value]]] = []
        /// Live state rows after each batch.
        var stateRows: [Int?] = []
    }

    /// Runs `query` over `batches`; with a checkpoint (a snapshot every 2 versions), stops it after each
    /// batch whose index is in `restarts` and starts a new query on the same checkpoint.
    func run(_ query: (DataFrame) -> DataFrame, mode: OutputMode, checkpoint: String?, restarts: Set<Int> = []) throws -> Outcome {
        let outputs = Mutex<[[[Value]]]>([])
        var outcome = Outcome()
        var running: (stream: MemoryStream, query: StreamingQuery)?
        for (index, batch) in Self.batches.enumerated() {
            if running == nil {
                let stream = Session().readStream.memory(schema: OrderSchema.schema)
                var writer = query(stream.toDF()).writeStream.outputMode(mode).foreachBatch { frame, _ in
                    let rows = try frame.collect().sorted { $0.lexicographicallyPrecedes($1) }
                    outputs.withLock { $0.append(rows) }
                }
                if let checkpoint { writer = writer.checkpointLocation(checkpoint, options: .init(snapshotInterval: 2, log: { _ in })) }
                running = (stream, try writer.start(driving: .caller))
            }
            guard let (stream, started) = running else { break }
            try stream.addData(batch)
            try started.processAllAvailable()
            outcome.stateRows.append(started.lastProgress?.stateOperator?.numRowsTotal)
            if restarts.contains(index) {
                started.stop()
                running = nil
            }
        }
        running?.query.stop()
        outcome.outputs = outputs.withLock { $0 }
        return outcome
    }

    func expectRestartsChangeNothing(_ query: (DataFrame) -> DataFrame, mode: OutputMode) throws {
        let uninterrupted = try run(query, mode: mode, checkpoint: nil)
        #expect(uninterrupted.outputs.count == Self.batches.count)
        // Stopped after batches 0 (a delta only), 2 (snapshot 2 + delta 3), 3 (snapshot 4) and 4.
        try ScratchDirectory.with { scratch in
            let restarted = try run(query, mode: mode, checkpoint: scratch.file("checkpoint"), restarts: [0, 2, 3, 4])
            #expect(restarted == uninterrupted)
        }
    }

    @Test func windowedCountWithEvictionsInUpdateMode() throws {
        try expectRestartsChangeNothing({
            $0.withWatermark("time", .minutes(10)).groupBy(col("buy"), window(col("time"), .minutes(30), slide: .minutes(10))).count()
        }, mode: .update)
    }

    @Test func groupedCountInCompleteMode() throws {
        try expectRestartsChangeNothing({ $0.groupBy(col("symbol"), col("buy")).count() }, mode: .complete)
    }

    @Test func deduplicationWithEvictions() throws {
        try expectRestartsChangeNothing({ $0.withWatermark("time", .minutes(10)).dropDuplicates(["clientId", "time"]) }, mode: .append)
    }
}
