/// What a producer's send does when its ring is full.
public enum FullBufferPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Wait for room: spin briefly, then yield the processor, then sleep for short, growing intervals.
    /// Each send that has to wait counts one in `IngestMetrics.waits`.
    case wait
    /// Discard the chunk and count it in `IngestMetrics.chunksDropped` and `rowsDropped`.
    case drop
    /// Throw `IngestError.ringFull`, which names the channel, the producer and the capacity.
    case fail

    /// The policy as written in Swift, e.g. `.wait`.
    public var description: String {
        switch self {
        case .wait: ".wait"
        case .drop: ".drop"
        case .fail: ".fail"
        }
    }
}
