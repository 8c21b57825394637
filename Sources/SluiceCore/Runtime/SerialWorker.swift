import Foundation
import Synchronization

/// A long-lived thread that runs one job at a time, handed over by a caller that later collects the
/// job's end and error with `wait()`: a batch's state write beside its outputs, without starting a
/// thread per batch. The thread starts with the first job and ends at `stop()`.
///
/// One caller at a time: `start`, `wait` and `stop` are called in turn by the thread that runs the
/// batches (and then closes the checkpoint), never concurrently.
public final class SerialWorker: Sendable {
    public typealias Job = @Sendable () throws -> Void

    private let handedOver = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let slot = Mutex(Slot())
    private let name: String

    private struct Slot {
        var job: Job?
        var failure: (any Error)?
        var isBusy = false
        var hasThread = false
    }

    /// `name` names the thread (seen in debuggers and profiles).
    public init(name: String = "sluice-worker") {
        self.name = name
    }

    /// Hands `job` to the thread, starting it if needed, and returns at once. A job whose end was not
    /// collected is waited for first and its error dropped (its batch already failed another way).
    public func start(_ job: @escaping Job) {
        collect()
        let mustStart = slot.withLock { slot in
            slot.job = job
            slot.failure = nil
            slot.isBusy = true
            defer { slot.hasThread = true }
            return !slot.hasThread
        }
        if mustStart {
            let thread = Thread { [self] in runJobs() }
            thread.name = name
            thread.start()
        }
        handedOver.signal()
    }

    /// Waits for the job handed over last to end and rethrows its error; returns at once if none runs.
    public func wait() throws {
        if let failure = collect() { throw failure }
    }

    /// Waits for a running job, then ends the thread; a later `start` begins a new one.
    public func stop() {
        collect()
        let hasThread = slot.withLock { slot in
            defer { slot.hasThread = false }
            return slot.hasThread
        }
        guard hasThread else { return }
        handedOver.signal()
        finished.wait()
    }

    /// Waits for the running job, if any, and returns its error.
    @discardableResult
    private func collect() -> (any Error)? {
        guard slot.withLock({ $0.isBusy }) else { return nil }
        finished.wait()
        return slot.withLock { slot in
            slot.isBusy = false
            defer { slot.failure = nil }
            return slot.failure
        }
    }

    /// The thread's loop: each signal hands over a job, or, with none in the slot, tells it to end.
    private func runJobs() {
        while true {
            handedOver.wait()
            guard let job = slot.withLock({ slot in defer { slot.job = nil }; return slot.job }) else {
                finished.signal()
                return
            }
            do { try job() } catch { slot.withLock { $0.failure = error } }
            finished.signal()
        }
    }
}
