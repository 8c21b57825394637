import Dispatch
import Foundation
import Synchronization

/// Runs the partitions of one batch in parallel on up to `parallelism` cores; results come back in
/// partition order, so a batch's answer never depends on thread timing.
public struct WorkerPool: Sendable {
    /// How many partitions run at once.
    public let parallelism: Int

    /// A pool using every active core (the default) or `parallelism` of them; 1 runs inline.
    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(parallelism >= 1, "WorkerPool: parallelism must be at least 1, got \(parallelism)")
        self.parallelism = parallelism
    }

    /// `transform` applied to every partition, results in partition order; the first error thrown (by
    /// partition order) is rethrown after all partitions finished.
    @inlinable public func map<Partition: Sendable, Result: Sendable, Failure: Error>(
        _ partitions: [Partition], _ transform: @Sendable (Partition) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        if parallelism == 1 || partitions.count <= 1 { return try partitions.map(transform) }
        let outcomes = Mutex<[Swift.Result<Result, Failure>?]>(Array(repeating: nil, count: partitions.count))
        let workers = min(parallelism, partitions.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: partitions.count, by: workers) {
                let outcome = Swift.Result { () throws(Failure) -> Result in try transform(partitions[index]) }
                outcomes.withLock { $0[index] = outcome }
            }
        }
        var results: [Result] = []
        results.reserveCapacity(partitions.count)
        for outcome in outcomes.withLock({ $0 }) { results.append(try outcome!.get()) }
        return results
    }
}
