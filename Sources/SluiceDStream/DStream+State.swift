import SluiceCore
import Synchronization

extension DStream {
    /// A running state per key: each batch, `update` is called for every key that has state or new values,
    /// with the key's new values (possibly none) and its previous state (nil for a new key); returning nil
    /// removes the key. Keys keep their order of first appearance. The state is snapshot into the
    /// checkpoint directory after every batch and restored from it on start, so the directory is required.
    @inlinable public func updateStateByKey<Key: Hashable & Codable & Sendable, Value: Sendable, State: Codable & Sendable>(
        _ update: @escaping @Sendable ([Value], State?) -> State?,
        partitionCount: Int? = nil,
        initialState: RDD<(Key, State)>? = nil
    ) -> DStream<(Key, State)> where Element == (Key, Value) {
        let store = StateSnapshotStore<Key, State>(streamIndex: context.graph.nextStatefulIndex)
        let pool = context.pool
        let parent = self
        let stream = DStream<(Key, State)>(context: context, slideDuration: slideDuration, parents: [self]) { stream, time in
            let previous = stream.cachedRDD(at: time - stream.slideDuration)?.collect()
                ?? store.takeRestored() ?? initialState?.collect() ?? []
            let values = try parent.rdd(at: time)?.groupByKey().collect() ?? []
            let newValues = Dictionary(uniqueKeysWithValues: values)
            let previousStates = Dictionary(previous, uniquingKeysWith: { _, last in last })
            let keys = previous.map(\.0) + values.map(\.0).filter { previousStates[$0] == nil }
            let partitions = RDD(keys, partitionCount: partitionCount ?? pool.parallelism, pool: pool).partitions
            let updated = pool.map(partitions) { keys in
                keys.compactMap { key in update(newValues[key] ?? [], previousStates[key]).map { (key, $0) } }
            }
            return RDD(partitions: updated, pool: pool)
        }
        context.graph.addNode(stream, eager: true)
        context.graph.addStateful(.init(
            operation: "updateStateByKey",
            restore: { directory in try store.restore(from: directory) },
            snapshot: { directory, time, writer in
                if let state = stream.cachedRDD(at: time) { try store.save(state.collect(), at: time, in: directory, using: writer) }
            }
        ))
        return stream
    }
}
