/// What became of a chunk a producer sent without error.
public enum SendOutcome: Sendable, Hashable {
    /// The chunk is in the ring, visible to the consumer.
    case enqueued
    /// The ring was full and the `.drop` policy discarded the chunk.
    case dropped
}
