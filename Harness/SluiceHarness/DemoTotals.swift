import Foundation
import SluiceCore
import SluiceOrders
import Synchronization

/// Prints the demo's batches as they complete and adds up what they counted.
final class DemoTotals: StreamingListener {
    private let totals = Mutex((counts: BuySellCounts(), batches: 0, records: 0, malformed: 0, problems: 0))

    /// Buys and sells over all batches.
    var counts: BuySellCounts { totals.withLock { $0.counts } }
    /// Batches, records and malformed lines over all batches.
    var batches: (count: Int, records: Int, malformed: Int) { totals.withLock { ($0.batches, $0.records, $0.malformed) } }

    /// Prints a batch's counts under Spark's header.
    func add(_ counts: BuySellCounts, printing batch: MicroBatch) {
        totals.withLock { $0.counts = $0.counts + counts }
        print("-------------------------------------------")
        print("Time: \(batch.time.milliseconds) ms (batch \(batch.id), \(batch.records) orders)")
        print("-------------------------------------------")
        print(counts)
        print("")
    }

    func batchCompleted(_ info: BatchInfo) {
        totals.withLock { totals in
            totals.batches += 1
            totals.records += info.records
            totals.malformed += info.malformedRecords
        }
        let processing = info.processingDelay.map { String(format: "%.2f ms", Double($0.microseconds) / 1000) } ?? "-"
        print("batch \(info.batchID): \(info.records) records, \(info.malformedRecords) malformed, processed in \(processing)\n")
    }

    func receiverError(_ problem: InputProblem) {
        totals.withLock { $0.problems += 1 }
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }

    func printSummary(elapsed: Duration) {
        let totals = totals.withLock { $0 }
        let seconds = Double(elapsed.microseconds) / 1_000_000
        print("count-buys: \(totals.batches) batches, \(totals.records) orders (\(totals.counts.buys) buys, \(totals.counts.sells) sells), "
            + "\(totals.malformed) malformed lines skipped")
        print(String(format: "read, parsed and counted in %.3f s: %.1f million orders/s", seconds, Double(totals.records) / seconds / 1e6))
    }
}
