/// Where a replayable input stands: an opaque JSON text that only its input interprets, as Spark's
/// source offsets are (a files-log index, per-producer sequence numbers, a table key).
public struct SourceOffset: Sendable, Hashable, Codable, CustomStringConvertible {
    public let json: String

    public init(json: String) { self.json = json }

    public var description: String { json }
}

/// An input whose cuts are offset ranges, so a checkpointed job can read a batch again after a restart
/// and go on right after the last batch it ran.
///
/// The driver's protocol: before `start()`, `resume(after:history:)` positions the input after the last
/// batch that ran (nil on a fresh checkpoint); a batch that must run again gets exactly its data from
/// `replay(from:to:)`; each cut reports where it ended in `InputSlice.end`; once a batch is committed,
/// `commit(through:)` lets the input forget what it no longer needs to replay.
public protocol ReplayableInput: BatchInput {
    /// Makes the next cut start right after `offset`. `history` holds the end offsets of the batches
    /// still in the checkpoint's offsets log, oldest first (the file source rebuilds what it has read
    /// from them); `log` is a directory of this input's own, inside the checkpoint.
    func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws
    /// The data after `start` (nil: from the beginning) up to and including `end`, exactly as the cut
    /// that first reached `end` read it; throws naming the range if it is no longer available.
    func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice
    /// Every batch up to `offset` is committed: data at or before it need not be kept for replay.
    func commit(through offset: SourceOffset) throws
}

/// A replayable input could not position itself or give a batch's data again.
public struct ReplayError: Error, Equatable, CustomStringConvertible {
    /// The input's name.
    public let input: String
    public let message: String

    public init(input: String, message: String) {
        self.input = input
        self.message = message
    }

    public var description: String { "\(input): \(message)" }
}
