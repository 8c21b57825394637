import Foundation
import Synchronization

/// A condition variable for one kind of change: a thread waits in `wait(until:_:)` until its check
/// finds what it waits for, and whoever makes such a change calls `notify()` after making it.
///
/// The check runs holding the condition's lock, and waiting releases it atomically, so a `notify()`
/// that follows a change cannot fall between a check that missed the change and the wait.
///
/// `notifyIfWaiting()` serves hot paths whose change is an atomic store, such as a producer publishing
/// into its ring: it takes the lock only while some thread waits. A sequentially consistent fence
/// stands on each side: the notifier's between its store and its load of the waiter count, the
/// waiter's between counting itself and its first check. So either the notifier sees the waiter and
/// wakes it, or the waiter's check sees the store.
final class WaitSignal: Sendable {
    private let condition = NSCondition()
    private let waiters = Atomic<Int>(0)

    init() {}

    /// Wakes every waiting thread so that it checks again.
    func notify() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// `notify()` if some thread waits; the caller's atomic stores before it are seen by the next check.
    func notifyIfWaiting() {
        atomicMemoryFence(ordering: .sequentiallyConsistent)
        guard waiters.load(ordering: .relaxed) > 0 else { return }
        notify()
    }

    /// Calls `check` until it returns a value, waiting for a notification between calls; nil when
    /// `deadline` passes first. An error `check` throws ends the wait.
    func wait<Value, Failure: Error>(
        until deadline: ContinuousClock.Instant, _ check: () throws(Failure) -> Value?
    ) throws(Failure) -> Value? {
        condition.lock()
        waiters.add(1, ordering: .relaxed)
        atomicMemoryFence(ordering: .sequentiallyConsistent)
        defer {
            waiters.subtract(1, ordering: .relaxed)
            condition.unlock()
        }
        while true {
            if let value = try check() { return value }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(remaining.microseconds) / 1_000_000))
        }
    }

    /// Waits until `condition` holds, checking it at each notification; false when `deadline` passes first.
    func wait(until deadline: ContinuousClock.Instant, for condition: () -> Bool) -> Bool {
        wait(until: deadline) { condition() ? true : nil } ?? false
    }
}
