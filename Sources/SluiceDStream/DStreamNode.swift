import SluiceCore

/// What the streaming context needs of every DStream, whatever its element type.
@usableFromInline protocol DStreamNode: AnyObject, Sendable {
    /// The interval between this stream's RDDs (its parent's, or a window's slide).
    var slideDuration: Duration { get }
    /// The streams this one is computed from.
    var parentNodes: [any DStreamNode] { get }
    /// How much longer than its own slide a child needs this stream's parents kept (a window's length).
    var extraParentRemember: Duration { get }
    /// The window this stream computes over its parent's batches, nil if it is not a window.
    var windowLength: Duration? { get }
    /// How far before a batch time the input batches reach that this stream's RDD at that time is
    /// computed from: zero without windows, a window's length minus its parent's slide plus whatever its
    /// parent reaches back. A restart rebuilds the input of that span before its first batch.
    var lookback: Duration { get }
    /// Keeps this stream's RDDs for at least `duration` after their batch time, and tells its parents.
    func remember(_ duration: Duration)
    /// Drops the RDDs of batch times before `time` minus the remember duration.
    func forgetOldRDDs(at time: Timestamp)
    /// Computes (and caches) this stream's RDD at `time`, if `time` is one of its batch times.
    func materialize(at time: Timestamp) throws
}
