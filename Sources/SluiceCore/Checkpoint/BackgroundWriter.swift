import Foundation
import Synchronization

/// Runs writes (state snapshots) on a thread of its own, off the batch's critical path.
///
/// Writes are keyed: a newer write for a key replaces one not yet started, so a writer that falls behind
/// writes only the latest snapshot of each key and never queues stale ones. The first failure is kept
/// and rethrown by the next `submit` or by `flush`, so a job learns that its snapshots stopped working.
/// Its thread runs at a lower priority (nice + 10), so that on busy cores the batch thread and the state
/// writer, whose work a batch waits for, run first.
public final class BackgroundWriter: Sendable {
    public typealias Write = @Sendable () throws -> Void

    private let state = Mutex(State())
    private let changed = NSCondition()

    private struct State {
        var pending: [String: Write] = [:]
        var order: [String] = []
        var isWriting = false
        var isRunning = false
        var isClosed = false
        var failure: (any Error)?
    }

    public init() {}

    /// Queues `write` under `key`, replacing a queued write of the same key; rethrows an earlier failure.
    public func submit(_ key: String, _ write: @escaping Write) throws {
        changed.lock()
        defer { changed.unlock() }
        let (failure, mustStart) = state.withLock { state -> ((any Error)?, Bool) in
            if let failure = state.failure { return (failure, false) }
            if state.pending.updateValue(write, forKey: key) == nil { state.order.append(key) }
            defer { state.isRunning = true }
            return (nil, !state.isRunning)
        }
        if let failure { throw failure }
        if mustStart {
            Thread { [self] in
                ThreadPriority.lowerCurrentThread(by: 10)
                writeForever()
            }.start()
        }
        changed.broadcast()
    }

    /// Waits until every queued write is done; rethrows the first failure.
    public func flush() throws {
        changed.lock()
        while state.withLock({ !$0.pending.isEmpty || $0.isWriting }) { changed.wait() }
        changed.unlock()
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Finishes the queued writes and ends the writer's thread; rethrows the first failure.
    public func close() throws {
        defer {
            changed.lock()
            state.withLock { $0.isClosed = true }
            changed.broadcast()
            changed.unlock()
        }
        try flush()
    }

    private func writeForever() {
        while true {
            changed.lock()
            var next = takeNext()
            while next == nil {
                if state.withLock({ $0.isClosed }) {
                    changed.unlock()
                    return
                }
                changed.wait()
                next = takeNext()
            }
            changed.unlock()
            do { try next!() } catch { state.withLock { if $0.failure == nil { $0.failure = error } } }
            changed.lock()
            state.withLock { $0.isWriting = false }
            changed.broadcast()
            changed.unlock()
        }
    }

    /// The oldest queued write, marked as in progress; nil when there is none.
    private func takeNext() -> Write? {
        state.withLock { state in
            guard !state.order.isEmpty else { return nil }
            let key = state.order.removeFirst()
            state.isWriting = true
            return state.pending.removeValue(forKey: key)
        }
    }
}
