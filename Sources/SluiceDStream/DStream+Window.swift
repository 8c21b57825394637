import SluiceCore

/// Window operations: each result covers the batches of the last `windowLength`, every `slide`.
///
/// Window length and slide must be multiples of the parent stream's slide; a window whose first batches
/// predate the start covers only the batches that exist, as in Spark.
extension DStream {
    /// All elements of the batches in each window.
    @inlinable public func window(_ windowLength: Duration, slide: Duration? = nil) throws -> DStream {
        let slide = slide ?? slideDuration
        try checkWindow(windowLength, slide: slide)
        let stream = DStream(context: context, slideDuration: slide, parents: [self], extraParentRemember: windowLength,
                             windowLength: windowLength) { [self] time in
            let rdds = try batchTimes(in: windowLength, endingAt: time).compactMap { try self.rdd(at: $0) }
            return RDD(partitions: rdds.flatMap(\.partitions), pool: context.pool)
        }
        context.graph.addNode(stream)
        return stream
    }

    /// The number of elements in each window (incremental; needs a checkpoint directory, as in Spark).
    @inlinable public func countByWindow(_ windowLength: Duration, slide: Duration) throws -> DStream<Int64> {
        try map { _ in Int64(1) }.reduceByWindow(+, inverse: -, windowLength: windowLength, slide: slide)
    }

    /// The elements of each window combined with `combine` (recomputed over the whole window).
    @inlinable public func reduceByWindow(_ combine: @escaping @Sendable (Element, Element) -> Element,
                               windowLength: Duration, slide: Duration) throws -> DStream {
        try reduce(combine).window(windowLength, slide: slide).reduce(combine)
    }

    /// The elements of each window combined incrementally: `combine` adds the batches entering the window
    /// and `inverse` takes out those leaving it. Needs a checkpoint directory, as in Spark.
    @inlinable public func reduceByWindow(_ combine: @escaping @Sendable (Element, Element) -> Element,
                               inverse: @escaping @Sendable (Element, Element) -> Element,
                               windowLength: Duration, slide: Duration) throws -> DStream {
        try map { (0, $0) }
            .reduceByKeyAndWindow(combine, inverse: inverse, windowLength: windowLength, slide: slide, partitionCount: 1)
            .map(\.1)
    }

    /// The batch times of this stream inside the window that ends at `end`: (end − length, end].
    @usableFromInline func batchTimes(in windowLength: Duration, endingAt end: Timestamp) -> [Timestamp] {
        let first = (end - windowLength + slideDuration).microseconds
        return Array(stride(from: first, through: end.microseconds, by: Int64.Stride(slideDuration.microseconds)))
            .map { Timestamp(microseconds: $0) }
    }

    @usableFromInline func checkWindow(_ windowLength: Duration, slide: Duration) throws(DStreamError) {
        guard windowLength > .zero, windowLength.microseconds % slideDuration.microseconds == 0 else {
            throw .windowNotMultipleOfParentSlide(window: windowLength, parentSlide: slideDuration)
        }
        guard slide > .zero, slide.microseconds % slideDuration.microseconds == 0 else {
            throw .slideNotMultipleOfParentSlide(slide: slide, parentSlide: slideDuration)
        }
    }
}

extension DStream where Element: Hashable {
    /// How many times each element occurs in each window (incremental; needs a checkpoint directory).
    @inlinable public func countByValueAndWindow(_ windowLength: Duration, slide: Duration, partitionCount: Int? = nil) throws -> DStream<(Element, Int64)> {
        try map { ($0, Int64(1)) }.reduceByKeyAndWindow(
            +, inverse: -, windowLength: windowLength, slide: slide, partitionCount: partitionCount, filter: { $0.1 != 0 })
    }
}
