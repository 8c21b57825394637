import Foundation
import SluiceCore
import SluiceDStream
import Synchronization
import Testing
@testable import SluiceExamples

@Suite struct WordCountExamplesTests {
    /// Runs an example over batches of lines on a manual clock, capturing what it prints.
    func run(_ batches: [[String]], checkpoint: String? = nil,
             _ define: (DStream<String>) -> DStream<(String, Int)>) throws -> [String] {
        let printed = Mutex<[String]>([])
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 2) { text in
            printed.withLock { $0.append(text) }
        }
        if let checkpoint { context.checkpoint(directory: checkpoint) }
        _ = define(context.queueStream(RDDQueue(batches.map { RDD($0) })))
        try context.start(driving: .caller)
        clock.advance(by: .seconds(batches.count))
        try context.runDueBatches()
        context.stop()
        return printed.withLock { $0 }
    }

    @Test func networkWordCountPrintsEachBatchsCounts() throws {
        let printed = try run([["test word test", "again agina words"], []], NetworkWordCount.define)
        #expect(printed == [
            "-------------------------------------------\nTime: 1000 ms\n-------------------------------------------\n(test, 2)\n(word, 1)\n(again, 1)\n(agina, 1)\n(words, 1)\n",
            "-------------------------------------------\nTime: 2000 ms\n-------------------------------------------\n",
        ])
    }

    @Test func statefulWordCountKeepsRunningCounts() throws {
        let checkpoint = NSTemporaryDirectory() + "sluice-stateful-wordcount-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let printed = try run([["a b a"], ["b"]], checkpoint: checkpoint, StatefulNetworkWordCount.define)
        #expect(printed.map { $0.split(separator: "\n").dropFirst(3).joined(separator: " ") } == ["(a, 2) (b, 1)", "(a, 2) (b, 2)"])
    }
}
