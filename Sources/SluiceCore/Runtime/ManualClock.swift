import Foundation
import Synchronization

/// A clock that moves only when a test moves it: the deterministic time source of Sluice's tests.
///
/// `wait(until:)` blocks until another thread moves the clock (callers re-check the time, as with any
/// condition wait), as Spark's `ManualClock` does; tests that step the driver themselves (`MicroBatchDriver.runDueBatches()`) never block.
public final class ManualClock: StreamingClock {
    private let instant: Mutex<Timestamp>
    /// Wakes waiters when the clock moves; `instant` is only changed while it is locked.
    private let moved = NSCondition()

    /// A clock reading `start` (the epoch by default).
    public init(start: Timestamp = Timestamp(microseconds: 0)) {
        self.instant = Mutex(start)
    }

    public var now: Timestamp { instant.withLock { $0 } }

    /// Moves the clock forward by `duration`.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "ManualClock: cannot move back in time by \(duration)")
        moved.lock()
        instant.withLock { $0 = $0 + duration }
        moved.broadcast()
        moved.unlock()
    }

    /// Moves the clock to `time`, which must not be earlier than now.
    public func set(to time: Timestamp) {
        moved.lock()
        instant.withLock { current in
            precondition(time >= current, "ManualClock: cannot move back from \(current) to \(time)")
            current = time
        }
        moved.broadcast()
        moved.unlock()
    }

    public func wait(until deadline: Timestamp) {
        moved.lock()
        if now < deadline { moved.wait() }
        moved.unlock()
    }

    public func interruptWaits() {
        moved.lock()
        moved.broadcast()
        moved.unlock()
    }
}
