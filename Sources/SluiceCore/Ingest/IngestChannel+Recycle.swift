import Synchronization

extension IngestChannel {
    /// Hands a spent chunk back for a producer to refill, so that producers need not allocate.
    ///
    /// The chunk goes to the next producer in turn that is still open and has room for it; when none has,
    /// it is released. A producer gets it from `ProducerHandle.recycledChunk()` as it was left, so hand
    /// back only chunks nothing else still references, or the producer's first write copies it.
    @inlinable
    public func recycle(_ chunk: consuming Chunk) {
        // A closure cannot consume what it captures, so the chunk moves in through an optional.
        var spent: Chunk? = chunk
        state.withLock { state in
            if let chunk = spent.take() { state.recycle(chunk) }
        }
    }

    /// Recycles every chunk in `chunks` and leaves the array empty, keeping its capacity for the next drain.
    @inlinable
    public func recycleAll(_ chunks: inout [Chunk]) {
        state.withLock { state in
            while let chunk = chunks.popLast() {
                state.recycle(chunk)
            }
        }
    }
}

extension ChannelState {
    /// Pushes `chunk` into the spent-chunk ring of the first open lane with room, starting at the lane whose
    /// turn it is; releases it when no lane has room.
    @inlinable
    mutating func recycle(_ chunk: consuming Chunk) {
        guard let index = laneWithRoomForSpentChunk() else { return }
        nextLaneToRecycle = (index + 1) % lanes.count
        lanes[index].spentChunks.push(chunk)  // the last use, so the lane gets the only reference
    }

    @inlinable
    func laneWithRoomForSpentChunk() -> Int? {
        for offset in lanes.indices {
            let index = (nextLaneToRecycle + offset) % lanes.count
            if lanes[index].state.isOpen && lanes[index].spentChunks.hasFreeSlot() { return index }
        }
        return nil
    }
}
