import SluiceCore

/// Operations on RDDs of key-value pairs, Spark's `PairRDDFunctions`.
extension RDD {
    /// The values of each key combined with `createCombiner`, `mergeValue` and `mergeCombiners`;
    /// keys in order of first appearance, spread over `partitionCount` partitions (default: as many as now).
    @inlinable public func combineByKey<Key: Hashable & Sendable, Value: Sendable, Combined: Sendable>(
        createCombiner: @escaping @Sendable (Value) -> Combined,
        mergeValue: @escaping @Sendable (Combined, Value) -> Combined,
        mergeCombiners: @escaping @Sendable (Combined, Combined) -> Combined,
        partitionCount: Int? = nil
    ) -> RDD<(Key, Combined)> where Element == (Key, Value) {
        combine(create: createCombiner, mergeValue: { $0 = mergeValue($0, $1) }, mergeCombined: { $0 = mergeCombiners($0, $1) },
                partitionCount: partitionCount)
    }

    /// `combineByKey` with in-place merges, so that growing combiners (arrays) are not copied per value.
    @inlinable func combine<Key: Hashable & Sendable, Value: Sendable, Combined: Sendable>(
        create: @escaping @Sendable (Value) -> Combined,
        mergeValue: @escaping @Sendable (inout Combined, Value) -> Void,
        mergeCombined: @escaping @Sendable (inout Combined, Combined) -> Void,
        partitionCount: Int?
    ) -> RDD<(Key, Combined)> where Element == (Key, Value) {
        with(KeyedCombine.combine(partitions, pool: pool, partitionCount: partitionCount ?? max(1, self.partitionCount),
                                  create: create, mergeValue: mergeValue, mergeCombined: mergeCombined))
    }

    /// The values of each key reduced with `combine` (which must be associative).
    @inlinable public func reduceByKey<Key: Hashable & Sendable, Value: Sendable>(
        _ combine: @escaping @Sendable (Value, Value) -> Value, partitionCount: Int? = nil
    ) -> RDD<(Key, Value)> where Element == (Key, Value) {
        combineByKey(createCombiner: { $0 }, mergeValue: combine, mergeCombiners: combine, partitionCount: partitionCount)
    }

    /// The values of each key, in order of appearance.
    @inlinable public func groupByKey<Key: Hashable & Sendable, Value: Sendable>(partitionCount: Int? = nil) -> RDD<(Key, [Value])>
    where Element == (Key, Value) {
        combine(create: { [$0] }, mergeValue: { $0.append($1) }, mergeCombined: { $0.append(contentsOf: $1) },
                partitionCount: partitionCount)
    }

    /// How many pairs each key has.
    @inlinable public func countByKey<Key: Hashable & Sendable, Value: Sendable>() -> RDD<(Key, Int64)> where Element == (Key, Value) {
        map { ($0.0, Int64(1)) }.reduceByKey(+)
    }

    /// Each value transformed, keys kept.
    @inlinable public func mapValues<Key: Sendable, Value: Sendable, Output: Sendable>(
        _ transform: @escaping @Sendable (Value) -> Output
    ) -> RDD<(Key, Output)> where Element == (Key, Value) {
        map { ($0.0, transform($0.1)) }
    }

    /// For each key in either RDD, its values here and its values in `other`.
    @inlinable public func cogroup<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: RDD<(Key, Other)>, partitionCount: Int? = nil
    ) -> RDD<(Key, ([Value], [Other]))> where Element == (Key, Value) {
        let tagged: RDD<(Key, Tagged<Value, Other>)> = map { ($0.0, .left($0.1)) }
            .union(with(other.partitions.map { $0.map { ($0.0, .right($0.1)) } }))
        return tagged.combine(
            create: { value in
                var groups: ([Value], [Other]) = ([], [])
                value.collect(into: &groups)
                return groups
            },
            mergeValue: { groups, value in value.collect(into: &groups) },
            mergeCombined: { groups, more in
                groups.0.append(contentsOf: more.0)
                groups.1.append(contentsOf: more.1)
            },
            partitionCount: partitionCount
        )
    }

    /// Every pair of values of a key present in both RDDs.
    @inlinable public func join<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: RDD<(Key, Other)>, partitionCount: Int? = nil
    ) -> RDD<(Key, (Value, Other))> where Element == (Key, Value) {
        cogroup(other, partitionCount: partitionCount).flatMap { key, values in
            values.0.flatMap { left in values.1.map { right in (key, (left, right)) } }
        }
    }

    /// Every value of this RDD paired with each matching value of `other`, or with nil if there is none.
    @inlinable public func leftOuterJoin<Key: Hashable & Sendable, Value: Sendable, Other: Sendable>(
        _ other: RDD<(Key, Other)>, partitionCount: Int? = nil
    ) -> RDD<(Key, (Value, Other?))> where Element == (Key, Value) {
        cogroup(other, partitionCount: partitionCount).flatMap { key, values in
            let rights: [Other?] = values.1.isEmpty ? [nil] : values.1.map { $0 }
            return values.0.flatMap { left in rights.map { right in (key, (left, right)) } }
        }
    }
}

/// A value from the left or the right side of a cogroup.
@usableFromInline enum Tagged<Left: Sendable, Right: Sendable>: Sendable {
    case left(Left)
    case right(Right)

    @inlinable func collect(into groups: inout ([Left], [Right])) {
        switch self {
        case .left(let left): groups.0.append(left)
        case .right(let right): groups.1.append(right)
        }
    }
}
