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
    private let compute: @Sendable (DStream, Timestamp) throws -> RDD<Element>?
    private let cache = Mutex<[Timestamp: RDD<Element>]>([:])
    private let rememberDuration: Mutex<Duration>

    /// A stream whose RDD at a batch time is `compute(self, time)`; the stream is passed in so that a
    /// stateful stream can read its own previous RDD.
    @usableFromInline init(context: StreamingContext, slideDuration: Duration, parents: [any DStreamNode],
         extraParentRemember: Duration = .zero, compute: @escaping @Sendable (DStream, Timestamp) throws -> RDD<Element>?) {
        self.context = context
        self.slideDuration = slideDuration
        self.parentNodes = parents
        self.extraParentRemember = extraParentRemember
        self.compute = compute
        self.rememberDuration = Mutex(slideDuration)
    }

    /// A stream whose RDD at a batch time is `compute(time)`.
    @usableFromInline convenience init(context: StreamingContext, slideDuration: Duration, parents: [any DStreamNode],
                     extraParentRemember: Duration = .zero, compute: @escaping @Sendable (Timestamp) throws -> RDD<Element>?) {
        self.init(context: context, slideDuration: slideDuration, parents: parents,
                  extraParentRemember: extraParentRemember) { _, time in try compute(time) }
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
        if let cached = cache.withLock({ $0[time] }) { return cached }
        guard let computed = try compute(self, time) else { return nil }
        cache.withLock { $0[time] = computed }
        return computed
    }

    /// The RDD at `time` if it was computed and is still kept; never computes.
    @usableFromInline func cachedRDD(at time: Timestamp) -> RDD<Element>? { cache.withLock { $0[time] } }

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
        cache.withLock { cache in cache = cache.filter { $0.key > oldest } }
    }
}
