import Foundation
import Synchronization
import Testing
@testable import SluiceCore

@Suite struct SerialWorkerTests {
    struct Failed: Error, Equatable {}

    @Test func jobsRunOneAtATimeOnOneThread() throws {
        let worker = SerialWorker()
        let threads = Mutex<[ObjectIdentifier]>([])
        for _ in 0 ..< 5 {
            worker.start { threads.withLock { $0.append(ObjectIdentifier(Thread.current)) } }
            try worker.wait()
        }
        worker.stop()
        let seen = threads.withLock { $0 }
        #expect(seen.count == 5 && Set(seen).count == 1, "one long-lived thread ran every job")
    }

    @Test func waitReturnsTheJobsErrorOnceAndWaitsForItsEnd() throws {
        let worker = SerialWorker()
        let ended = Mutex(false)
        worker.start {
            usleep(20_000)
            ended.withLock { $0 = true }
            throw Failed()
        }
        #expect(throws: Failed()) { try worker.wait() }
        #expect(ended.withLock { $0 })
        try worker.wait()
        worker.start {}
        try worker.wait()
        worker.stop()
    }

    @Test func stopWaitsForTheJobAndAStartAfterItRunsAgain() throws {
        let worker = SerialWorker()
        let count = Mutex(0)
        worker.start { usleep(10_000); count.withLock { $0 += 1 } }
        worker.stop()
        #expect(count.withLock { $0 } == 1)
        worker.start { count.withLock { $0 += 1 } }
        try worker.wait()
        #expect(count.withLock { $0 } == 2)
        worker.stop()
        worker.stop()
    }
}
