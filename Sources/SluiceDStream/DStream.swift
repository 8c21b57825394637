import SluiceCore
import Synchronization

/// A discretized stream: one RDD per batch time, computed from its parents or its input.
///
/// Streams are defined before the context starts and computed by the driver, batch by batch; each RDD
/// is computed once and cached for as long as some window or stateful child needs it.
public final class DStream<Element: Sendable>: DStreamNode {
    public let context: StreamingContext
    public let slideDuration: Duration
    @usableFromInline let parentNodes: [any DStreamNode]
    @usableFromInline let extraParentRemember: Duration
    @usableFromInline let windowLength: Duration?
    @usableFromInline let lookback: Duration
    private let compute: @Sendable (DStream, Timestamp) throws -> RDD<Element>?
    private let cache = Mutex(RDDCache<Element>())
    private let rememberDuration: Mutex<Duration>

    /// A stream whose RDD at a batch time is `compute(self, time)`; the stream is passed in so that a
    /// stateful stream can read its own previous RDD. A window over its (single) parent gives its
    /// `windowLength`.
    @usableFromInline init(context: StreamingContext, slideDuration: Duration, parents: [any DStreamNode],
         extraParentRemember: Duration = .zero, windowLength: Duration? = nil,
         compute: @escaping @Sendable (DStream, Timestamp) throws -> RDD<Element>?) {
        self.context = context
        self.slideDuration = slideDuration
        self.parentNodes = parents
        self.extraParentRemember = extraParentRemember
        self.windowLength = windowLength
        let parentsLookback = parents.map(\.lookback).max() ?? .zero
        let windowLookback = windowLength.map { $0 - (parents.first?.slideDuration ?? $0) } ?? .zero
        self.lookback = parentsLookback + windowLookback
        self.compute = compute
        self.rememberDuration = Mutex(slideDuration)
    }

    /// A stream whose RDD at a batch time is `compute(time)`.
    @usableFromInline convenience init(context: StreamingContext, slideDuration: Duration, parents: [any DStreamNode],
                     extraParentRemember: Duration = .zero, windowLength: Duration? = nil,
                     compute: @escaping @Sendable (Timestamp) throws -> RDD<Element>?) {
        self.init(context: context, slideDuration: slideDuration, parents: parents,
                  extraParentRemember: extraParentRemember, windowLength: windowLength) { _, time in try compute(time) }
    }

    /// A stream computed from `parent`, batch by batch, with the parent's slide.
    @usableFromInline convenience init<Parent>(deriving parent: DStream<Parent>,
                             _ transform: @escaping @Sendable (RDD<Parent>, Timestamp) throws -> RDD<Element>) {
        self.init(context: parent.context, slideDuration: parent.slideDuration, parents: [parent]) { time in
            try parent.rdd(at: time).map { try transform($0, time) }
        }
    }

    /// The RDD of the batch at `time`: nil when `time` is not one of this stream's batch times or its
    /// data is no longer kept.
    public func rdd(at time: Timestamp) throws -> RDD<Element>? {
        guard context.isBatchTime(time, slide: slideDuration) else { return nil }
        if let cached = cache.withLock({ $0.rdd(at: time) }) { return cached }
        guard let computed = try compute(self, time) else { return nil }
        cache.withLock { $0.insert(computed, at: time) }
        return computed
    }

    /// The RDD at `time` if it was computed and is still kept; never computes.
    @usableFromInline func cachedRDD(at time: Timestamp) -> RDD<Element>? { cache.withLock { $0.rdd(at: time) } }

    @usableFromInline func materialize(at time: Timestamp) throws { _ = try rdd(at: time) }

    @usableFromInline func remember(_ duration: Duration) {
        let kept = rememberDuration.withLock { kept in
            kept = max(kept, duration)
            return kept
        }
        for parent in parentNodes { parent.remember(kept + extraParentRemember) }
    }

    @usableFromInline func forgetOldRDDs(at time: Timestamp) {
        let oldest = time - rememberDuration.withLock { $0 }
        cache.withLock { $0.removeAll(atOrBefore: oldest) }
    }
}

/// A stream's computed RDDs by batch time, with the times kept in order so that forgetting old RDDs
/// costs as much as the RDDs forgotten, not as much as the RDDs kept (a long window keeps thousands).
struct RDDCache<Element: Sendable>: Sendable {
    private var byTime: [Timestamp: RDD<Element>] = [:]
    /// The cached times, ascending.
    private var times: [Timestamp] = []
    /// How many of `times` (from the front) have been forgotten; compacted now and then.
    private var forgotten = 0

    func rdd(at time: Timestamp) -> RDD<Element>? { byTime[time] }

    mutating func insert(_ rdd: RDD<Element>, at time: Timestamp) {
        guard byTime.updateValue(rdd, forKey: time) == nil else { return }
        if let last = times.last, time < last {
            let position = times[forgotten...].firstIndex { $0 > time } ?? times.count
            times.insert(time, at: position)
        } else {
            times.append(time)
        }
    }

    mutating func removeAll(atOrBefore oldest: Timestamp) {
        while forgotten < times.count && times[forgotten] <= oldest {
            byTime[times[forgotten]] = nil
            forgotten += 1
        }
        if forgotten > 64 && forgotten * 2 > times.count {
            times.removeFirst(forgotten)
            forgotten = 0
        }
    }
}
