/// One producer's path to the consumer: its ring of chunks, the ring that brings spent chunks back for
/// reuse, and its lifecycle and counters.
///
/// The channel keeps every lane; the producer reaches its own through its `ProducerHandle`.
@usableFromInline
final class IngestLane<Chunk: RowCounted & Sendable>: Sendable {
    /// The producer's name, used in errors.
    @usableFromInline let producerName: String
    /// Full chunks, producer to consumer.
    @usableFromInline let chunks: UnsafeSPSCRing<Chunk>
    /// Spent chunks, consumer to producer: the consumer is this ring's producer.
    @usableFromInline let spentChunks: UnsafeSPSCRing<Chunk>
    @usableFromInline let state = LaneState()

    init(producerName: String, capacity: Int) {
        self.producerName = producerName
        self.chunks = UnsafeSPSCRing(capacity: capacity)
        self.spentChunks = UnsafeSPSCRing(capacity: capacity)
    }

    /// Consumer: the rows in the chunks published and not yet taken.
    var rowsWaiting: Int {
        var rows = 0
        chunks.forEachPublished { rows += $0.rowCount }
        return rows
    }
}
