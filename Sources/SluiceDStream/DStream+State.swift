import SluiceCore

extension DStream {
    /// A running state per key: each batch, `update` is called for every key that has state or new values,
    /// with the key's new values (possibly none) and its previous state (nil for a new key); returning nil
    /// removes the key. Keys keep their order of first appearance.
    ///
    /// The checkpoint keeps the state, so the directory is required: each batch's changes (the keys whose
    /// state changed or was removed; with an `Equatable` state, keys whose state stayed equal are left
    /// out) are written as JSON beside its outputs, with a snapshot of the whole state now and then, and a
    /// restart goes on from the state of its last committed batch.
    @inlinable public func updateStateByKey<Key: Hashable & Codable & Sendable, Value: Sendable, State: Codable & Sendable>(
        _ update: @escaping @Sendable ([Value], State?) -> State?,
        partitionCount: Int? = nil,
        initialState: RDD<(Key, State)>? = nil
    ) -> DStream<(Key, State)> where Element == (Key, Value) {
        let versions = KeyedStateVersions<Key, State>()
        let pool = context.pool
        let parent = self
        let stream = DStream<(Key, State)>(context: context, slideDuration: slideDuration, parents: [self]) { stream, time in
            let values = try parent.rdd(at: time)?.groupByKey().collect() ?? []
            return versions.step(cached: stream.cachedRDD(at: time - stream.slideDuration), initialState: initialState,
                                 newValues: values, update: update,
                                 partitionCount: partitionCount ?? pool.parallelism, pool: pool, at: time)
        }
        context.graph.addNode(stream, eager: true)
        context.graph.addStateful(versions.registration())
        return stream
    }
}
