import Foundation
import SluiceCore
import SluiceTesting
import Synchronization
@testable import SluiceDStream

/// Spark's `TestSuiteBase` in small: feeds one list of elements per batch through a queue stream on a
/// manual clock, applies an operation, and returns what the output stream held at each batch.
struct StreamTest {
    static let interval = Duration.seconds(1)

    /// The output of `operation` for each of `batches` batches of `input` (missing inputs are empty),
    /// with the batches timed by `clock` (a run restarted from a checkpoint goes on with its predecessor's).
    static func run<Input: Sendable, Output: Sendable>(
        _ input: [[Input]], batches: Int? = nil, checkpoint: String? = nil, clock: ManualClock = ManualClock(),
        _ operation: (DStream<Input>) throws -> DStream<Output>
    ) throws -> [[Output]] {
        let context = StreamingContext(batchInterval: interval, clock: clock, parallelism: 2, printer: { _ in })
        if let checkpoint { context.checkpoint(directory: checkpoint) }
        let queue = RDDQueue<Input>(input.map { RDD($0, partitionCount: 2) })
        let collected = Collected<Output>()
        try operation(context.queueStream(queue)).foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        try context.start(driving: .caller)
        for _ in 0 ..< (batches ?? input.count) {
            clock.advance(by: interval)
            try context.runDueBatches()
        }
        context.stop()
        return collected.batches
    }

    /// The pairs sorted by key, for comparing by-key results whatever their order.
    static func sorted<Key: Comparable, Value>(_ batches: [[(Key, Value)]]) -> [[(Key, Value)]] {
        batches.map { $0.sorted { $0.0 < $1.0 } }
    }
}

/// Output batches gathered from `foreachRDD`, with their times.
final class Collected<Element: Sendable>: Sendable {
    private let storage = Mutex<[(time: Timestamp, elements: [Element])]>([])

    func append(_ elements: [Element], at time: Timestamp) { storage.withLock { $0.append((time, elements)) } }

    var batches: [[Element]] { storage.withLock { $0.map(\.elements) } }
    var times: [Timestamp] { storage.withLock { $0.map(\.time) } }
}

/// Compares lists of batches of pairs, which are not `Equatable` as tuples.
func equal<Key: Equatable, Value: Equatable>(_ lhs: [[(Key, Value)]], _ rhs: [[(Key, Value)]]) -> Bool {
    lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { left, right in
        left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// A fresh checkpoint directory under the temporary directory.
func temporaryDirectory(_ label: String) -> String {
    NSTemporaryDirectory() + "sluice-\(label)-" + UUID().uuidString
}
