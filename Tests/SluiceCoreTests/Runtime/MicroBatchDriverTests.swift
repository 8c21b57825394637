import Foundation
import Synchronization
import Testing
@testable import SluiceCore

/// Collects everything a driver reports.
final class RecordingListener: StreamingListener {
    let events = Mutex<[String]>([])
    let completed = Mutex<[BatchInfo]>([])

    func streamingStarted(at time: Timestamp) { events.withLock { $0.append("started \(time.milliseconds)") } }
    func batchSubmitted(_ info: BatchInfo) { events.withLock { $0.append("submitted \(info.batchID)") } }
    func batchStarted(_ info: BatchInfo) { events.withLock { $0.append("started \(info.batchID)") } }
    func batchCompleted(_ info: BatchInfo) {
        events.withLock { $0.append("completed \(info.batchID)") }
        completed.withLock { $0.append(info) }
    }
    func receiverError(_ problem: InputProblem) { events.withLock { $0.append("error \(problem)") } }
    func streamingStopped(error: (any Error)?) { events.withLock { $0.append("stopped \(error.map { "\($0)" } ?? "cleanly")") } }
}

/// Collects the batches a driver hands to its job.
final class BatchLog: Sendable {
    let batches = Mutex<[(id: BatchID, time: Int64, values: [Int64])]>([])

    func record(_ batch: MicroBatch) {
        let values = batch.inputs.flatMap(\.chunks).flatMap(\.rows).map { row -> Int64 in
            guard case .int64(let value) = row[0] else { return -1 }
            return value
        }
        batches.withLock { $0.append((batch.id, batch.time.milliseconds, values)) }
    }
}

@Suite struct MicroBatchDriverTests {
    static let schema = Schema([Field("n", .int64)])

    static func batch(_ values: [Int64]) throws -> RecordBatch {
        try RecordBatch(schema: schema, rows: values.map { [.int64($0)] })
    }

    @Test func cutsOneBatchPerIntervalEvenWhenEmpty() throws {
        let clock = ManualClock(start: Timestamp(milliseconds: 500))
        let queue = QueueInput(schema: Self.schema, oneAtATime: false)
        let log = BatchLog()
        let driver = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: [queue]) { log.record($0) }
        try driver.start()

        try queue.enqueue(Self.batch([1, 2]))
        try driver.runDueBatches()
        #expect(log.batches.withLock { $0.isEmpty }, "no batch before the first batch time")

        clock.advance(by: .milliseconds(500))
        try driver.runDueBatches()
        try queue.enqueue(Self.batch([3]))
        clock.advance(by: .seconds(2))
        try driver.runDueBatches()

        let batches = log.batches.withLock { $0 }
        #expect(batches.map(\.id) == [BatchID(0), BatchID(1), BatchID(2)])
        #expect(batches.map(\.time) == [1000, 2000, 3000])
        #expect(batches.map(\.values) == [[1, 2], [3], []])
    }

    @Test func reportsSparkStyleMetricsInOrder() throws {
        let clock = ManualClock()
        let queue = QueueInput(schema: Self.schema)
        let listener = RecordingListener()
        let driver = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: [queue]) { _ in
            clock.advance(by: .milliseconds(300))
        }
        driver.addListener(listener)
        try driver.start()
        try queue.enqueue(Self.batch([7, 8, 9]))
        clock.advance(by: .seconds(1))
        try driver.runDueBatches()

        let info = try #require(listener.completed.withLock { $0.first })
        #expect(info.records == 3)
        #expect(info.schedulingDelay == .zero)
        #expect(info.processingDelay == .milliseconds(300))
        #expect(info.totalDelay == .milliseconds(300))
        #expect(listener.events.withLock { $0 } == ["started 0", "submitted 0", "started 0", "completed 0"])
        #expect(driver.recentBatches == [info])
    }

    @Test func schedulingDelayGrowsWhenProcessingFallsBehind() throws {
        let clock = ManualClock()
        let driver = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: []) { _ in
            clock.advance(by: .milliseconds(1500))
        }
        try driver.start()
        clock.advance(by: .seconds(1))
        try driver.runDueBatches()
        try driver.runDueBatches()
        try driver.runDueBatches()
        let delays = driver.recentBatches.map { $0.schedulingDelay! }
        #expect(delays == [.zero, .milliseconds(500), .milliseconds(1000), .milliseconds(1500)],
                "each call runs the batches due when it starts; every batch time gets its batch")
    }

    @Test func aResumedScheduleGoesOnAfterTheLastRecordedBatchTime() throws {
        let clock = ManualClock(start: Timestamp(milliseconds: 2500))
        let log = BatchLog()
        let resumed = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: [], firstBatch: BatchID(4),
                                       resumingAfter: Timestamp(milliseconds: 5000)) { log.record($0) }
        try resumed.start()
        clock.advance(by: .milliseconds(3500))
        try resumed.runDueBatches()
        #expect(log.batches.withLock { $0.map(\.time) } == [6000], "nothing at or before the last recorded batch time")
        resumed.stop()

        let downTime = BatchLog()
        let late = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: [], firstBatch: BatchID(4),
                                    resumingAfter: Timestamp(milliseconds: 3000)) { downTime.record($0) }
        try late.start()
        try late.runDueBatches()
        #expect(downTime.batches.withLock { $0.map(\.time) } == [4000, 5000, 6000], "the batch times the job was down still get batches")
        #expect(downTime.batches.withLock { $0.map(\.id) } == [BatchID(4), BatchID(5), BatchID(6)])
    }

    @Test func onceRunsOneBatchThenStops() throws {
        let clock = ManualClock()
        let queue = QueueInput(schema: Self.schema)
        try queue.enqueue(Self.batch([1]))
        try queue.enqueue(Self.batch([2]))
        let log = BatchLog()
        let driver = MicroBatchDriver(trigger: .once, clock: clock, inputs: [queue]) { log.record($0) }
        try driver.start()
        try driver.runDueBatches()
        #expect(driver.status == .stopped)
        #expect(log.batches.withLock { $0.map(\.values) } == [[1]])
    }

    @Test func availableNowDrainsEverythingThenStops() throws {
        let clock = ManualClock()
        let queue = QueueInput(schema: Self.schema, oneAtATime: true)
        for value: Int64 in 1 ... 3 { try queue.enqueue(Self.batch([value])) }
        let log = BatchLog()
        let driver = MicroBatchDriver(trigger: .availableNow, clock: clock, inputs: [queue]) { log.record($0) }
        try driver.start()
        try driver.runDueBatches()
        #expect(log.batches.withLock { $0.map(\.values) } == [[1], [2], [3]])
        #expect(driver.status == .stopped)
    }

    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }

    @Test func aJobErrorStopsTheDriverAndIsKept() throws {
        let clock = ManualClock()
        let listener = RecordingListener()
        let driver = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: []) { batch in
            if batch.id == BatchID(1) { throw Boom() }
        }
        driver.addListener(listener)
        try driver.start()
        clock.advance(by: .seconds(3))
        #expect(throws: Boom.self) { try driver.runDueBatches() }
        #expect(driver.status == .stopped)
        #expect(driver.recentBatches.count == 1)
        #expect(driver.error is Boom)
        #expect(listener.events.withLock { $0.last } == "stopped boom")
        #expect(throws: DriverError.alreadyStarted) { try driver.start() }
    }

    @Test func runLoopFollowsAManualClockAdvancedFromAnotherThread() throws {
        let clock = ManualClock()
        let log = BatchLog()
        let thirdBatchDone = DispatchSemaphore(value: 0)
        let driver = MicroBatchDriver(trigger: .processingTime(.seconds(1)), clock: clock, inputs: []) { batch in
            log.record(batch)
            if batch.id == BatchID(2) { thirdBatchDone.signal() }
        }
        try driver.start()
        let loopEnded = DispatchSemaphore(value: 0)
        Thread {
            driver.runUntilStopped()
            loopEnded.signal()
        }.start()
        clock.advance(by: .seconds(3))
        #expect(thirdBatchDone.wait(timeout: .now() + 30) == .success)
        driver.stop()
        #expect(loopEnded.wait(timeout: .now() + 30) == .success, "stop() must wake the loop blocked on the clock")
        #expect(log.batches.withLock { $0.map(\.time) } == [1000, 2000, 3000])
    }
}
