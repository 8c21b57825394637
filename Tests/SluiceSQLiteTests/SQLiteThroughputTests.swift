import Foundation
import SluiceCore
import Testing
@testable import SluiceSQLite

/// Upsert throughput: 100 batches of 1,000 counts over 1,000 words, printed, never asserted; with
/// `SLUICE_STRESS=1` only, otherwise a few small batches check the same path quickly.
@Suite struct SQLiteThroughputTests {
    static let isStress = ProcessInfo.processInfo.environment["SLUICE_STRESS"] == "1"

    @Test func upsertingBatchesOfCounts() throws {
        let (batches, rowsPerBatch) = Self.isStress ? (100, 1_000) : (3, 50)
        let schema = Schema([Field("word", .string), Field("count", .int64)])
        let words = (0 ..< rowsPerBatch).map { "word-\($0)" }
        let inputs = try (0 ..< batches).map { batch in
            try RecordBatch(schema: schema, columns: [
                .string(StringColumn(words)), .int64(PrimitiveColumn((0 ..< rowsPerBatch).map { Int64(batch * rowsPerBatch + $0) })),
            ])
        }
        try TemporaryDirectory.with { directory in
            let table = try SQLiteTable(path: directory.file("out.db"), table: "counts", jobID: "job")
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                for (batch, input) in inputs.enumerated() {
                    try table.write(batch: BatchID(Int64(batch)), rows: [input], schema: schema, mode: .upsert(keys: ["word"]))
                }
            }
            let rows = try table.rows(orderedBy: ["word"])
            #expect(rows.count == rowsPerBatch)
            #expect(rows.first == [.string("word-0"), .int64(Int64((batches - 1) * rowsPerBatch))])
            if Self.isStress {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print("SQLite upsert: \(batches) batches × \(rowsPerBatch) rows in \(elapsed): \(Int(Double(batches * rowsPerBatch) / seconds)) rows/s")
            }
        }
    }
}
