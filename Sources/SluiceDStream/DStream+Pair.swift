import SluiceCore

/// Operations on streams of key-value pairs, batch by batch: Spark's `PairDStreamFunctions`.
extension DStream {
    /// The values of each key in the batch reduced with `combine`.
    @inlinable public func reduceByKey<Key: Hashable & Sendable, Value: Sendable>(
        _ combine: @escaping @Sendable (Value, Value) -> Value, partitionCount: Int? = nil
    ) -> DStream<(Key, Value)> where Element == (Key, Value) {
        derived { rdd, _ in rdd.reduceByKey(combine, partitionCount: partitionCount) }
    }

    /// The values of each key in the batch.
    @inlinable public func groupByKey<Key: Hashable & Sendable, Value: Sendable>(partitionCount: Int? = nil) -> DStream<(Key, [Value])>
    where Element == (Key, Value) {
        derived { rdd, _ in rdd.groupByKey(partitionCount: partitionCount) }
    }

    /// How many pairs each key has in the batch.
    @inlinable public func countByKey<Key: Hashable & Sendable, Value: Sendable>() -> DStream<(Key, Int64)> where Element == (Key, Value) {
        derived { rdd, _ in rdd.countByKey() }
    }

    /// Each value transformed, keys kept.
    @inlinable public func mapValues<Key: Sendable, Value: Sendable, Output: Sendable>(
        _ transform: @escaping @Sendable (Value) -> Output
    ) -> DStream<(Key, Output)> where Element == (Key, Value) {
        derived { rdd, _ in rdd.mapValues(transform) }
    }

    /// The values of each key in this batch's RDD and in `other`'s.
    @inlinable public func cogroup<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: DStream<(Key, Other)>, partitionCount: Int? = nil
    ) -> DStream<(Key, ([Value], [Other]))> where Element == (Key, Value) {
        transformWith(other) { mine, theirs, _ in mine.cogroup(theirs, partitionCount: partitionCount) }
    }

    /// Pairs of values of keys present in both streams' batch.
    @inlinable public func join<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: DStream<(Key, Other)>, partitionCount: Int? = nil
    ) -> DStream<(Key, (Value, Other))> where Element == (Key, Value) {
        transformWith(other) { mine, theirs, _ in mine.join(theirs, partitionCount: partitionCount) }
    }

    /// Every value of this stream's batch with each matching value of `other`'s, or nil.
    @inlinable public func leftOuterJoin<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: DStream<(Key, Other)>, partitionCount: Int? = nil
    ) -> DStream<(Key, (Value, Other?))> where Element == (Key, Value) {
        transformWith(other) { mine, theirs, _ in mine.leftOuterJoin(theirs, partitionCount: partitionCount) }
    }
}
