import SluiceCore

extension RDD {
    /// Each element transformed.
    @inlinable public func map<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> Output) -> RDD<Output> {
        with(pool.map(partitions) { $0.map(transform) })
    }

    /// Each element transformed into zero or more elements.
    @inlinable public func flatMap<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> [Output]) -> RDD<Output> {
        with(pool.map(partitions) { $0.flatMap(transform) })
    }

    /// The elements for which `isIncluded` holds.
    @inlinable public func filter(_ isIncluded: @escaping @Sendable (Element) -> Bool) -> RDD {
        with(pool.map(partitions) { $0.filter(isIncluded) })
    }

    /// Each partition transformed as a whole.
    @inlinable public func mapPartitions<Output: Sendable>(_ transform: @escaping @Sendable ([Element]) -> [Output]) -> RDD<Output> {
        with(pool.map(partitions, transform))
    }

    /// One element per partition: the partition's elements as an array.
    @inlinable public func glom() -> RDD<[Element]> { with(partitions.map { [$0] }) }

    /// The same elements, in the same order, cut into `partitionCount` partitions.
    @inlinable public func repartition(_ partitionCount: Int) -> RDD {
        with(Self.split(collect(), into: partitionCount))
    }

    /// This RDD's partitions followed by `other`'s.
    @inlinable public func union(_ other: RDD) -> RDD { with(partitions + other.partitions) }

    /// The elements sorted by `key` (stable: equal keys keep their order), in as many partitions as before.
    @inlinable public func sortBy<Key: Comparable>(_ key: @escaping @Sendable (Element) -> Key, ascending: Bool = true) -> RDD {
        let sorted = collect().enumerated().sorted { lhs, rhs in
            let (left, right) = (key(lhs.element), key(rhs.element))
            if left == right { return lhs.offset < rhs.offset }
            return ascending ? left < right : left > right
        }.map(\.element)
        return with(Self.split(sorted, into: max(1, partitionCount)))
    }

    /// Each element paired with its position in the RDD's order.
    @inlinable public func zipWithIndex() -> RDD<(Element, Int64)> {
        var offset: Int64 = 0
        let indexed = partitions.map { partition in
            defer { offset += Int64(partition.count) }
            return partition.enumerated().map { (element: $0.element, index: offset + Int64($0.offset)) }
        }
        return with(indexed.map { $0.map { ($0.element, $0.index) } })
    }

    /// The elements combined with `combine`, or nil if there are none.
    @inlinable public func reduce(_ combine: @escaping @Sendable (Element, Element) -> Element) -> Element? {
        let partial = pool.map(partitions) { partition -> Element? in
            partition.dropFirst().reduce(partition.first) { result, element in result.map { combine($0, element) } }
        }
        return partial.compactMap { $0 }.dropFirst().reduce(partial.compactMap { $0 }.first) { result, element in
            result.map { combine($0, element) }
        }
    }
}

extension RDD where Element: Hashable {
    /// Each distinct element once, in order of first appearance.
    @inlinable public func distinct() -> RDD {
        countByValue().map(\.0)
    }

    /// Each distinct element with how many times it occurs, in order of first appearance.
    @inlinable public func countByValue() -> RDD<(Element, Int64)> {
        map { ($0, Int64(1)) }.reduceByKey(+)
    }
}
