#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The pause between two checks of a condition another thread will make true: spin briefly, then yield
/// the processor, then sleep for growing intervals up to a millisecond.
///
/// A cross-core handoff takes about 100 ns, so the first checks retry at once; a consumer that drains a
/// whole ring at each trigger can leave a producer waiting for milliseconds, so later checks give the
/// processor away rather than burn a core that others need.
struct Backoff {
    /// Pauses that return at once.
    private static let spins = 64
    /// Pauses, counted from the start, before sleeping replaces yielding.
    private static let yieldsEnd = 128
    private static let firstSleepNanoseconds = 1_000
    private static let longestSleepNanoseconds = 1_000_000

    private var pauses = 0
    private var sleepNanoseconds = Backoff.firstSleepNanoseconds

    /// Waits a little; each call waits as long as the one before or longer.
    mutating func pause() {
        pauses += 1
        if pauses <= Self.spins { return }
        if pauses <= Self.yieldsEnd {
            sched_yield()
            return
        }
        var interval = timespec(tv_sec: 0, tv_nsec: sleepNanoseconds)
        nanosleep(&interval, nil)
        sleepNanoseconds = min(2 * sleepNanoseconds, Self.longestSleepNanoseconds)
    }
}
