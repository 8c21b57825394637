import Foundation

/// Where the engine reads the time: the system clock in production, a `ManualClock` in tests.
///
/// Named apart from the standard library's `Clock` protocol on purpose: the engine needs wall-clock
/// instants (batch times are printed and checkpointed as epoch milliseconds) and a blocking wait for
/// its driver thread, neither of which `Clock` offers.
public protocol StreamingClock: Sendable {
    /// The current instant.
    var now: Timestamp { get }
    /// Blocks the calling thread until the clock reads `deadline` or later, or `interruptWaits()` is called.
    func wait(until deadline: Timestamp)
    /// Wakes every thread blocked in `wait(until:)` early, so that a stopping driver can notice.
    func interruptWaits()
}

/// The machine's real-time clock.
public final class SystemClock: StreamingClock {
    private let interrupted = NSCondition()

    public init() {}

    public var now: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(microseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000)
    }

    public func wait(until deadline: Timestamp) {
        let remaining = deadline.microseconds - now.microseconds
        guard remaining > 0 else { return }
        interrupted.lock()
        _ = interrupted.wait(until: Date(timeIntervalSinceNow: Double(remaining) / 1_000_000))
        interrupted.unlock()
    }

    public func interruptWaits() {
        interrupted.lock()
        interrupted.broadcast()
        interrupted.unlock()
    }
}
