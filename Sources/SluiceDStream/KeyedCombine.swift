import SluiceCore

/// The shuffle behind every by-key operation, made deterministic.
///
/// Each input partition first combines its own values per key (in parallel); the partial results are
/// then merged partition by partition, so every key's combined value and its position — the order in
/// which keys first appear in the RDD — are the same on every run, whatever the threads did. The keys
/// are then cut, in that order, into contiguous output partitions, so collecting the result lists keys
/// in order of first appearance. (Swift's `Hasher` is seeded per process: hashing keys to partitions
/// would give a different order on every run.)
@usableFromInline enum KeyedCombine {
    @inlinable static func combine<Key: Hashable & Sendable, Value: Sendable, Combined: Sendable>(
        _ partitions: [[(Key, Value)]], pool: WorkerPool, partitionCount: Int,
        create: @escaping @Sendable (Value) -> Combined,
        mergeValue: @escaping @Sendable (inout Combined, Value) -> Void,
        mergeCombined: @escaping @Sendable (inout Combined, Combined) -> Void
    ) -> [[(Key, Combined)]] {
        let partial = pool.map(partitions) { partition in
            var ranks: [Key: Int] = [:]
            var combined: [(Key, Combined)] = []
            for (key, value) in partition {
                if let rank = ranks[key] {
                    mergeValue(&combined[rank].1, value)
                } else {
                    ranks[key] = combined.count
                    combined.append((key, create(value)))
                }
            }
            return combined
        }
        var ranks: [Key: Int] = [:]
        var merged: [(Key, Combined)] = []
        for partition in partial {
            for (key, value) in partition {
                if let rank = ranks[key] {
                    mergeCombined(&merged[rank].1, value)
                } else {
                    ranks[key] = merged.count
                    merged.append((key, value))
                }
            }
        }
        return RDD<(Key, Combined)>.split(merged, into: max(1, partitionCount))
    }
}
