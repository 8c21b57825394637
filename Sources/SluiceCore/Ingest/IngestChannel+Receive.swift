import Synchronization

extension IngestChannel {
    /// Takes the oldest chunk of the next producer in turn that has one; nil when no chunk is waiting.
    @inlinable
    public func tryReceive() -> Chunk? {
        state.withLock { state -> Chunk? in
            let lanes = state.lanes
            for offset in lanes.indices {
                let index = (state.nextLaneToReceive + offset) % lanes.count
                guard let chunk = lanes[index].chunks.pop() else { continue }
                lanes[index].state.recordDequeued(chunks: 1, rows: chunk.rowCount)
                state.nextLaneToReceive = (index + 1) % lanes.count
                return chunk
            }
            return nil
        }
    }

    /// Appends every chunk published so far to `chunks`, producer by producer in registration order, each
    /// producer's oldest first; returns how many it appended.
    @inlinable @discardableResult
    public func drain(into chunks: inout [Chunk]) -> Int {
        state.withLock { state in
            var appended = 0
            for lane in state.lanes {
                let start = chunks.count
                let count = lane.chunks.popAll(into: &chunks)
                guard count > 0 else { continue }
                let rows = chunks[start...].reduce(0) { $0 + $1.rowCount }
                lane.state.recordDequeued(chunks: count, rows: rows)
                appended += count
            }
            return appended
        }
    }

    /// Every chunk published so far, as `drain(into:)` orders them.
    @inlinable
    public func drainAll() -> [Chunk] {
        var chunks: [Chunk] = []
        drain(into: &chunks)
        return chunks
    }

    /// Whether the consumer has taken everything and no chunk can come any more: the channel is closed, or
    /// at least one producer registered and every registered producer finished.
    ///
    /// A producer that registers later makes the channel unfinished again; after `close()` it is final.
    public var isFinished: Bool {
        state.withLock { state in
            // Ended first: once a lane has ended, an empty ring stays empty.
            state.allLanesEnded && state.lanes.allSatisfy { $0.chunks.isEmpty }
        }
    }
}
