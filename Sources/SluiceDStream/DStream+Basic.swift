import SluiceCore

/// Transformations of one stream, batch by batch: Spark's basic DStream operations.
extension DStream {
    /// Each element transformed.
    @inlinable public func map<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> Output) -> DStream<Output> {
        derived { rdd, _ in rdd.map(transform) }
    }

    /// Each element transformed into zero or more elements.
    @inlinable public func flatMap<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> [Output]) -> DStream<Output> {
        derived { rdd, _ in rdd.flatMap(transform) }
    }

    /// The elements for which `isIncluded` holds.
    @inlinable public func filter(_ isIncluded: @escaping @Sendable (Element) -> Bool) -> DStream {
        derived { rdd, _ in rdd.filter(isIncluded) }
    }

    /// Each partition transformed as a whole.
    @inlinable public func mapPartitions<Output: Sendable>(_ transform: @escaping @Sendable ([Element]) -> [Output]) -> DStream<Output> {
        derived { rdd, _ in rdd.mapPartitions(transform) }
    }

    /// Each batch's elements cut into `partitionCount` partitions.
    @inlinable public func repartition(_ partitionCount: Int) -> DStream {
        precondition(partitionCount >= 1, "repartition: partition count must be at least 1, got \(partitionCount)")
        return derived { rdd, _ in rdd.repartition(partitionCount) }
    }

    /// One element per partition: the partition as an array.
    @inlinable public func glom() -> DStream<[Element]> {
        derived { rdd, _ in rdd.glom() }
    }

    /// Each batch's elements of this stream followed by those of `others` (streams of the same slide).
    @inlinable public func union(_ others: DStream...) -> DStream {
        let streams = [self] + others
        for other in others {
            precondition(other.slideDuration == slideDuration,
                         "union: streams slide by \(slideDuration) and \(other.slideDuration); they must slide alike")
        }
        let stream = DStream(context: context, slideDuration: slideDuration, parents: streams) { time in
            let rdds = try streams.compactMap { try $0.rdd(at: time) }
            guard let first = rdds.first else { return nil }
            return rdds.dropFirst().reduce(first) { $0.union($1) }
        }
        context.graph.addNode(stream)
        return stream
    }

    /// A one-element stream per batch: the number of elements.
    @inlinable public func count() -> DStream<Int64> {
        derived { rdd, _ in RDD([Int64(rdd.count())], pool: rdd.pool) }
    }

    /// A stream of at most one element per batch: the elements combined with `combine` (none if empty).
    @inlinable public func reduce(_ combine: @escaping @Sendable (Element, Element) -> Element) -> DStream {
        derived { rdd, _ in RDD(rdd.reduce(combine).map { [$0] } ?? [], pool: rdd.pool) }
    }

    /// Any RDD-to-RDD function applied to each batch, with the batch time.
    @inlinable public func transform<Output: Sendable>(_ transform: @escaping @Sendable (RDD<Element>, Timestamp) throws -> RDD<Output>) -> DStream<Output> {
        derived(transform)
    }

    /// A function of this stream's and `other`'s RDDs of the same batch.
    @inlinable public func transformWith<Other: Sendable, Output: Sendable>(
        _ other: DStream<Other>, _ transform: @escaping @Sendable (RDD<Element>, RDD<Other>, Timestamp) throws -> RDD<Output>
    ) -> DStream<Output> {
        let stream = DStream<Output>(context: context, slideDuration: slideDuration, parents: [self, other]) { [self] time in
            guard let mine = try self.rdd(at: time), let theirs = try other.rdd(at: time) else { return nil }
            return try transform(mine, theirs, time)
        }
        context.graph.addNode(stream)
        return stream
    }

    /// Keeps each batch's RDD once computed. RDDs are always computed once per batch and kept as long as a
    /// window needs them, so this only exists for programs ported from Spark; it returns the stream itself.
    @discardableResult
    @inlinable public func persist() -> DStream { self }

    /// A stream computed from this one, batch by batch, registered with the context.
    @usableFromInline func derived<Output: Sendable>(_ transform: @escaping @Sendable (RDD<Element>, Timestamp) throws -> RDD<Output>) -> DStream<Output> {
        let stream = DStream<Output>(deriving: self, transform)
        context.graph.addNode(stream)
        return stream
    }
}

extension DStream where Element: Hashable {
    /// Each distinct element of the batch with how many times it occurs.
    @inlinable public func countByValue() -> DStream<(Element, Int64)> {
        derived { rdd, _ in rdd.countByValue() }
    }
}
