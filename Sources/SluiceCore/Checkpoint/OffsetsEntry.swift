/// What `offsets/N` records before batch N runs: the batch time and, per input, the range of data the
/// batch reads, so that a restart can run the batch again on exactly the same data.
public struct OffsetsEntry: Codable, Sendable, Equatable {
    /// The batch's trigger time, in microseconds since the epoch (a re-run keeps it).
    public var batchTime: Int64
    /// One range per input, in input order; nil for an input that cannot replay (a socket).
    public var sources: [SourceRange?]

    public init(batchTime: Int64, sources: [SourceRange?]) {
        self.batchTime = batchTime
        self.sources = sources
    }
}

/// The data one input contributes to one batch: after `start` (nil: from the beginning) up to `end`.
public struct SourceRange: Codable, Sendable, Equatable {
    public var start: SourceOffset?
    public var end: SourceOffset

    public init(start: SourceOffset?, end: SourceOffset) {
        self.start = start
        self.end = end
    }
}
