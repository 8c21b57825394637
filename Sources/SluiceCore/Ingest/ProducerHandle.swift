/// One producer's end of an ingest channel: sends chunks, reuses the chunks the consumer recycled, and
/// finishes.
///
/// A handle serves one thread at a time; it may move between threads. A call made while another thread
/// is in a call on the same handle is refused instead of racing: `send` throws `IngestError.producerInUse`
/// and `recycledChunk()` returns nil. Releasing the last reference to a handle finishes it, so a receiver
/// that stops early never leaves the consumer waiting.
public final class ProducerHandle<Chunk: RowCounted & Sendable>: Sendable {
    /// The channel's name, used in errors.
    public let channelName: String
    /// What `send` does when the ring is full.
    public let fullBufferPolicy: FullBufferPolicy
    @usableFromInline let lane: IngestLane<Chunk>

    init(channelName: String, fullBufferPolicy: FullBufferPolicy, lane: IngestLane<Chunk>) {
        self.channelName = channelName
        self.fullBufferPolicy = fullBufferPolicy
        self.lane = lane
    }

    deinit {
        lane.state.finish()
    }

    /// The producer's name, used in errors.
    public var name: String { lane.producerName }

    /// The most chunks waiting in this producer's ring at once.
    public var capacity: Int { lane.chunks.capacity }

    /// This producer's counters.
    public var metrics: IngestMetrics { lane.state.metrics() }

    /// Publishes `chunk` to the consumer, or, when the ring is full, waits, drops or throws as the policy says.
    ///
    /// Chunks from one producer reach the consumer in the order they were sent.
    @inlinable @discardableResult
    public func send(_ chunk: consuming Chunk) throws(IngestError) -> SendOutcome {
        if let refusal = lane.state.startProducerCall() { throw refusalError(refusal) }
        defer { lane.state.endProducerCall() }
        let rows = chunk.rowCount
        if !lane.chunks.hasFreeSlot() {
            switch fullBufferPolicy {
            case .wait:
                try waitForFreeSlot()
            case .drop:
                lane.state.recordDropped(rows: rows)
                return .dropped
            case .fail:
                throw .ringFull(channel: channelName, producer: name, capacity: capacity)
            }
        }
        lane.state.recordEnqueued(rows: rows)
        lane.chunks.push(chunk)
        return .enqueued
    }

    /// A chunk the consumer has recycled, as the consumer left it (clear it before refilling), or nil when
    /// none is waiting or the handle cannot be used now.
    @inlinable
    public func recycledChunk() -> Chunk? {
        guard lane.state.startProducerCall() == nil else { return nil }
        defer { lane.state.endProducerCall() }
        return lane.spentChunks.pop()
    }

    /// Says that this producer will send no more; the consumer sees the lane end once it has taken every
    /// chunk sent before. Finishing twice is harmless.
    public func finish() {
        lane.state.finish()
    }

    @usableFromInline
    func refusalError(_ refusal: ProducerCallRefusal) -> IngestError {
        switch refusal {
        case .channelClosed: .channelClosed(channel: channelName, producer: name)
        case .producerFinished: .producerFinished(channel: channelName, producer: name)
        case .producerInUse: .producerInUse(channel: channelName, producer: name)
        }
    }

    @usableFromInline
    func waitForFreeSlot() throws(IngestError) {
        lane.state.recordWait()
        var backoff = Backoff()
        repeat {
            if lane.state.isClosed { throw .channelClosed(channel: channelName, producer: name) }
            backoff.pause()
        } while !lane.chunks.hasFreeSlot()
    }
}
