import SluiceCore
@testable import SluiceHarness

/// A run folder as the reporter writes it (through ``BatchesCSV`` and ``LatencyCSV``), with knobs to
/// plant a regression: stretch the trigger times to drop throughput, scale a latency figure to raise it.
struct CompareFixture {
    var batchCount = 20
    var rowsPerBatch: Int64 = 2_500
    var intervalMicroseconds: Int64 = 250_000
    /// The processing time of batch `i` is this plus `i % 5` ms.
    var processingMicroseconds: Int64 = 40_000
    var schedulingDelayMicroseconds: Int64 = 2_000
    var latency = LatencySummary(count: 50_000, p50: 130_000, p90: 230_000, p99: 252_000, p999: 255_000, maximum: 257_000)

    var batches: [BatchRow] {
        (0 ..< batchCount).map { index in
            let processing = processingMicroseconds + Int64(index % 5) * 1_000
            let trigger = Int64(index + 1) * intervalMicroseconds
            let metrics = HistoryEvent.BatchCommitted(
                batch: BatchID(Int64(index)), processingMicroseconds: processing, schedulingDelayMicroseconds: schedulingDelayMicroseconds,
                totalDelayMicroseconds: processing + schedulingDelayMicroseconds, stateRows: 2, lateRowsDropped: 0, malformedLines: 1, sinkRows: 2
            )
            return BatchRow(batch: BatchID(Int64(index)), triggerTime: trigger, rows: rowsPerBatch, attempts: 1, committedAt: trigger + processing, metrics: metrics)
        }
    }

    /// A fresh folder holding this run's `batches.csv` and `latency.csv`.
    func write(_ name: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("compare-\(name)")
        try folder.append(BatchesCSV.render(batches), to: "batches.csv")
        try folder.append(LatencyCSV.render(latency), to: "latency.csv")
        return folder
    }

    /// The same run with its latency percentiles scaled by `factor`.
    func scalingLatency(by factor: Double) -> CompareFixture {
        var copy = self
        let scale = { (value: Int64) in Int64((Double(value) * factor).rounded()) }
        copy.latency = LatencySummary(
            count: latency.count, p50: scale(latency.p50), p90: scale(latency.p90), p99: scale(latency.p99),
            p999: scale(latency.p999), maximum: scale(latency.maximum)
        )
        return copy
    }
}
