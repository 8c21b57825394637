import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

/// Windows across a restart: the restarted program rebuilds the input of the batches its windows still
/// cover from their recorded offsets, so every window comes out as in an uninterrupted run.
@Suite struct CheckpointWindowTests {
    static let lines: [[String]] = [["a"], ["b a"], ["c"], ["a c"], [], ["b"], ["c c"], ["a"]]

    /// Windows of three batches sliding by one and by two (a full recount and an incremental one).
    struct Windows {
        let contents = Collected<String>()
        let counts = Collected<(String, Int64)>()

        func define(_ lines: DStream<String>) throws {
            let words = lines.flatMap(SluiceDStreamTests.words)
            try words.window(.seconds(3)).foreachRDD { [contents] rdd, time in contents.append(rdd.collect().sorted(), at: time) }
            let pairs: DStream<(String, Int64)> = words.map { ($0, 1) }
            let windowed = try pairs.reduceByKeyAndWindow(+, inverse: -, windowLength: .seconds(3), slide: .seconds(2),
                                                          filter: { $0.1 > 0 })
            windowed.foreachRDD { [counts] rdd, time in counts.append(rdd.collect().sorted { $0.0 < $1.0 }, at: time) }
        }
    }

    /// The windows of every batch time, from one run over all the lines.
    func uninterrupted() throws -> Windows {
        let job = TopicJob("dstream-windows-reference")
        defer { job.remove() }
        let windows = Windows()
        let context = try job.start(windows.define)
        for lines in Self.lines { try job.runBatch(context, lines) }
        context.stop()
        return windows
    }

    @Test(arguments: [nil, FaultPoint.afterOffsets, .afterSinkCommit])
    func windowsOverARestartMatchAnUninterruptedRun(crashingAt point: FaultPoint?) throws {
        let reference = try uninterrupted()
        let job = TopicJob("dstream-windows")
        defer { job.remove() }
        let windows = Windows()
        let fault = point.map { FaultPlan(point: $0, batch: BatchID(3)) }
        let first = try job.start(retainedBatches: 3, fault: fault, windows.define)
        for lines in Self.lines[0 ..< 3] { try job.runBatch(first, lines) }
        if fault == nil {
            try job.runBatch(first, Self.lines[3])
            first.stop()
        } else {
            #expect(throws: SimulatedFault.self) { try job.runBatch(first, Self.lines[3]) }
        }
        let second = try job.start(retainedBatches: 3, windows.define)
        for lines in Self.lines[4...] { try job.runBatch(second, lines) }
        second.stop()
        #expect(windows.contents.lastByTime == reference.contents.lastByTime)
        #expect(windows.counts.lastByTime.mapValues { $0.map { "\($0.0)=\($0.1)" } }
            == reference.counts.lastByTime.mapValues { $0.map { "\($0.0)=\($0.1)" } })
        #expect(windows.counts.lastByTime.keys.sorted() == [2000, 4000, 6000, 8000],
                "the slide of two batches stays aligned with the first run's time zero")
    }

    @Test func aRetentionShorterThanTheLongestWindowIsRefusedBeforeTheCheckpointIsTouched() throws {
        let job = TopicJob("dstream-windows-retention")
        defer { job.remove() }
        let expected = DStreamError.retentionShorterThanWindow(retainedBatches: 2, batchInterval: .seconds(1), window: .seconds(3))
        #expect(throws: expected) { try job.start(retainedBatches: 2, Windows().define) }
        #expect(!FileManager.default.fileExists(atPath: job.checkpoint))
        #expect(expected.description == "The checkpoint keeps the offsets of 2 batches (2000 ms) but the longest window covers 3000 ms, so a restart could not rebuild it: set retainedBatches to at least 3 in StreamingContext.checkpoint(directory:options:)")
    }
}
