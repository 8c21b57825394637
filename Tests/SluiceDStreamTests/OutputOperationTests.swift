import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceDStream

@Suite struct OutputOperationTests {
    @Test func printUsesSparksLayout() throws {
        let printed = Mutex<[String]>([])
        let clock = ManualClock(start: Timestamp(milliseconds: 1_357_008_429_500))
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1) { text in
            printed.withLock { $0.append(text) }
        }
        let queue = RDDQueue<(String, Int)>([RDD([("test", 2), ("word", 1), ("again", 1)])])
        context.queueStream(queue).print(2)
        try context.start(driving: .caller)
        clock.advance(by: .milliseconds(500))
        try context.runDueBatches()
        clock.advance(by: .seconds(1))
        try context.runDueBatches()
        context.stop()
        #expect(printed.withLock { $0 } == [
            "-------------------------------------------\nTime: 1357008430000 ms\n-------------------------------------------\n(test, 2)\n(word, 1)\n...\n",
            "-------------------------------------------\nTime: 1357008431000 ms\n-------------------------------------------\n",
        ])
    }

    @Test func saveAsTextFilesWritesOneDirectoryPerBatch() throws {
        let folder = temporaryDirectory("save-as-text")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1)
        let queue = RDDQueue<Int>([RDD([1, 2, 3], partitionCount: 2)])
        context.queueStream(queue).map { ($0 % 2 == 1, Int64($0)) }.saveAsTextFiles(prefix: folder + "/output", suffix: "txt")
        try context.start(driving: .caller)
        clock.advance(by: .seconds(2))
        try context.runDueBatches()
        context.stop()
        let files = FileManager.default
        #expect(try files.contentsOfDirectory(atPath: folder).sorted() == ["output-1000.txt", "output-2000.txt"])
        #expect(try files.contentsOfDirectory(atPath: folder + "/output-1000.txt").sorted() == ["_SUCCESS", "part-00000", "part-00001"])
        #expect(try String(contentsOfFile: folder + "/output-1000.txt/part-00000", encoding: .utf8) == "(true, 1)\n(false, 2)\n")
        #expect(try String(contentsOfFile: folder + "/output-1000.txt/part-00001", encoding: .utf8) == "(true, 3)\n")
        #expect(try files.contentsOfDirectory(atPath: folder + "/output-2000.txt").sorted() == ["_SUCCESS", "part-00000"])
    }

    @Test func programsWithoutOutputsDoNotStart() {
        let context = StreamingContext(batchInterval: .seconds(1), clock: ManualClock())
        _ = context.queueStream(RDDQueue<Int>()).map { $0 }
        #expect(throws: DStreamError.noOutputOperations) { try context.start(driving: .caller) }
    }

    @Test func aFailingOutputStopsTheContextAndAwaitTerminationRethrows() throws {
        struct Failure: Error {}
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1)
        context.queueStream(RDDQueue<Int>()).foreachRDD { _, _ in throw Failure() }
        try context.start(driving: .caller)
        clock.advance(by: .seconds(1))
        #expect(throws: Failure.self) { try context.runDueBatches() }
        #expect(throws: Failure.self) { try context.awaitTermination(timeout: .seconds(1)) }
        #expect(throws: DStreamError.alreadyStarted) { try context.start(driving: .caller) }
    }

    @Test func awaitTerminationTimesOutWhileRunning() throws {
        let context = StreamingContext(batchInterval: .seconds(1), clock: ManualClock(), parallelism: 1)
        context.queueStream(RDDQueue<Int>()).print()
        try context.start(driving: .caller)
        #expect(try context.awaitTermination(timeout: .milliseconds(1)) == false)
        context.stop()
        #expect(try context.awaitTermination(timeout: .milliseconds(1)) == true)
    }
}
