import Foundation
import SluiceCore
import Synchronization
@testable import SluiceDStream

/// A checkpointed program over a `TestTopic`, started again and again over one checkpoint, topic and
/// clock, as a job restarted after a stop or a crash would be: each `start` builds a new context with
/// the program `define` makes of the topic's lines, and each `runBatch` appends lines and runs the
/// batch of the next batch time.
final class TopicJob: Sendable {
    let topic = TestTopic()
    let clock = ManualClock()
    let checkpoint: String
    /// What the checkpoints of the contexts said on start.
    let notes = Mutex<[String]>([])

    init(_ label: String) { checkpoint = temporaryDirectory(label) }

    /// Deletes the checkpoint.
    func remove() { try? FileManager.default.removeItem(atPath: checkpoint) }

    /// A context running `define`'s program, started by the caller's hand; `fault` makes the batch it
    /// names throw there, as if the process died.
    func start(interval: Duration = .seconds(1), retainedBatches: Int = 100, snapshotInterval: Int = 10,
               fault: FaultPlan? = nil, _ define: (DStream<String>) throws -> Void) throws -> StreamingContext {
        let context = StreamingContext(batchInterval: interval, clock: clock, parallelism: 2, printer: { _ in })
        context.checkpoint(directory: checkpoint, options: .init(retainedBatches: retainedBatches, snapshotInterval: snapshotInterval) { [self] note in
            notes.withLock { $0.append(note) }
        })
        if let fault { context.simulateFault(fault) }
        try define(context.receiverStream(TopicInput(topic), decode: StreamingContext.stringValues))
        try context.start(driving: .caller)
        return context
    }

    /// Appends `lines` to the topic, moves the clock by `interval` and runs the batches then due.
    @discardableResult
    func runBatch(_ context: StreamingContext, _ lines: [String], interval: Duration = .seconds(1)) throws -> [BatchInfo] {
        topic.append(lines)
        clock.advance(by: interval)
        return try context.runDueBatches()
    }

    /// Every word of the topic, counted from scratch.
    var wordCounts: [String: Int64] {
        topic.lines(0 ..< topic.count).flatMap(words).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}

/// The words of a line.
@Sendable func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

extension Collected {
    /// The last output of each batch time, by time in milliseconds.
    var lastByTime: [Int64: [Element]] {
        Dictionary(zip(times.map(\.milliseconds), batches), uniquingKeysWith: { _, last in last })
    }
}
