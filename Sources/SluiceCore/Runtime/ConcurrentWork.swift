import Foundation
import Synchronization

/// Work started on a thread of its own at once, whose end (and error) `wait()` collects: a batch's state
/// write beside its outputs.
public final class ConcurrentWork: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let failure = Mutex<(any Error)?>(nil)

    public init(_ work: @escaping @Sendable () throws -> Void) {
        Thread { [self] in
            do { try work() } catch { failure.withLock { $0 = error } }
            done.signal()
        }.start()
    }

    /// Waits for the work to end; rethrows its error.
    public func wait() throws {
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
