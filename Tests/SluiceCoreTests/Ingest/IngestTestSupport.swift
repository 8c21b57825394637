import Foundation
import Synchronization
@testable import SluiceCore

/// Threads started together, each running `body` with its index, and joined with `join()`.
final class ThreadGroup<Result: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let results: Mutex<[Result?]>

    init(count: Int, name: String, _ body: @escaping @Sendable (Int) -> Result) {
        results = Mutex(Array(repeating: nil, count: count))
        for index in 0..<count {
            group.enter()
            let thread = Thread { [self] in
                let result = body(index)
                results.withLock { $0[index] = result }
                group.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Waits for every thread to end and returns their results in index order.
    func join() -> [Result] {
        group.wait()
        return results.withLock { $0.map { $0! } }
    }
}

/// Checks `condition` again and again (spinning, then yielding, then napping briefly) until it holds or
/// `timeout` passes; returns whether it held.
func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    var backoff = Backoff()
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        backoff.pause()
    }
    return true
}
