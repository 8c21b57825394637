/// The batch times a processing-time trigger fires at: pure arithmetic, no clock, no I/O.
///
/// Like Spark's `RecurringTimer`, the first batch time is the first multiple of the interval after the
/// start instant, and every later multiple gets a batch even when the driver falls behind (the
/// scheduling delay then grows, which is what capacity planning looks for).
public struct BatchSchedule: Sendable, Equatable {
    public let interval: Duration
    /// The next batch time that has not been generated yet.
    public private(set) var nextBatchTime: Timestamp

    /// A schedule whose first batch time is the first multiple of `interval` strictly after `start`.
    public init(interval: Duration, start: Timestamp) {
        precondition(interval > .zero, "BatchSchedule: the batch interval must be positive, got \(interval)")
        self.interval = interval
        let step = interval.microseconds
        self.nextBatchTime = Timestamp(microseconds: (start.microseconds.floorDivided(by: step) + 1) * step)
    }

    /// Takes every batch time at or before `now`, in order.
    public mutating func takeDue(at now: Timestamp) -> [Timestamp] {
        var due: [Timestamp] = []
        while nextBatchTime <= now {
            due.append(nextBatchTime)
            nextBatchTime = nextBatchTime + interval
        }
        return due
    }
}
