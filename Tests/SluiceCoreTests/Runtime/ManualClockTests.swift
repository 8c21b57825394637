import Foundation
import Testing
@testable import SluiceCore

@Suite struct ManualClockTests {
    @Test func movesOnlyWhenTold() {
        let clock = ManualClock(start: Timestamp(milliseconds: 10))
        #expect(clock.now == Timestamp(milliseconds: 10))
        clock.advance(by: .milliseconds(5))
        clock.set(to: Timestamp(milliseconds: 20))
        #expect(clock.now == Timestamp(milliseconds: 20))
    }

    @Test func waitReturnsOnceAnotherThreadMovesTheClockPastTheDeadline() {
        let clock = ManualClock()
        let woke = DispatchSemaphore(value: 0)
        Thread {
            while clock.now < Timestamp(milliseconds: 100) { clock.wait(until: Timestamp(milliseconds: 100)) }
            woke.signal()
        }.start()
        clock.advance(by: .milliseconds(100))
        #expect(woke.wait(timeout: .now() + 30) == .success)
    }
}
