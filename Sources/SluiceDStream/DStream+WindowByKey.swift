import SluiceCore

extension DStream {
    /// The values of each key over each window, reduced with `combine` (each batch is reduced first, then
    /// the window's per-batch results).
    @inlinable public func reduceByKeyAndWindow<Key: Hashable & Sendable, Value: Sendable>(
        _ combine: @escaping @Sendable (Value, Value) -> Value,
        windowLength: Duration, slide: Duration? = nil, partitionCount: Int? = nil
    ) throws -> DStream<(Key, Value)> where Element == (Key, Value) {
        try reduceByKey(combine, partitionCount: partitionCount)
            .window(windowLength, slide: slide)
            .reduceByKey(combine, partitionCount: partitionCount)
    }

    /// The values of each key over each window, maintained incrementally: the previous window's result,
    /// plus the batches that entered (`combine`), minus those that left (`inverse`). The work per slide is
    /// proportional to the keys in the window and the batches that moved, not to the window's rows.
    /// Keys for which `filter` is false (e.g. counts back at zero) are dropped. Needs a checkpoint
    /// directory, as in Spark.
    @inlinable public func reduceByKeyAndWindow<Key: Hashable & Sendable, Value: Sendable>(
        _ combine: @escaping @Sendable (Value, Value) -> Value,
        inverse: @escaping @Sendable (Value, Value) -> Value,
        windowLength: Duration, slide: Duration? = nil, partitionCount: Int? = nil,
        filter: (@Sendable ((Key, Value)) -> Bool)? = nil
    ) throws -> DStream<(Key, Value)> where Element == (Key, Value) {
        let slide = slide ?? slideDuration
        try checkWindow(windowLength, slide: slide)
        let perBatch = reduceByKey(combine, partitionCount: partitionCount)
        let windowed = IncrementalWindow(perBatch: perBatch, windowLength: windowLength, slide: slide,
                                         partitionCount: partitionCount, combine: combine, inverse: inverse, filter: filter)
        context.graph.requireCheckpoint(for: "reduceByKeyAndWindow with an inverse function")
        return windowed.stream
    }
}

/// The state and arithmetic of an incremental keyed window.
@usableFromInline struct IncrementalWindow<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let perBatch: DStream<(Key, Value)>
    let windowLength: Duration
    let slide: Duration
    let partitionCount: Int?
    let combine: @Sendable (Value, Value) -> Value
    let inverse: @Sendable (Value, Value) -> Value
    let filter: (@Sendable ((Key, Value)) -> Bool)?

    @usableFromInline init(perBatch: DStream<(Key, Value)>, windowLength: Duration, slide: Duration, partitionCount: Int?,
                           combine: @escaping @Sendable (Value, Value) -> Value, inverse: @escaping @Sendable (Value, Value) -> Value,
                           filter: (@Sendable ((Key, Value)) -> Bool)?) {
        self.perBatch = perBatch
        self.windowLength = windowLength
        self.slide = slide
        self.partitionCount = partitionCount
        self.combine = combine
        self.inverse = inverse
        self.filter = filter
    }

    @usableFromInline var stream: DStream<(Key, Value)> {
        let context = perBatch.context
        let stream = DStream<(Key, Value)>(context: context, slideDuration: slide, parents: [perBatch],
                                           extraParentRemember: windowLength + slide, windowLength: windowLength) { stream, time in
            try window(at: time, previous: stream.cachedRDD(at: time - slide))
        }
        context.graph.addNode(stream)
        return stream
    }

    /// The window ending at `time`, from `previous` (the window one slide earlier) when it is known.
    @usableFromInline func window(at time: Timestamp, previous: RDD<(Key, Value)>?) throws -> RDD<(Key, Value)> {
        let pool = perBatch.context.pool
        var ranks: [Key: Int] = [:]
        var entries: [(key: Key, value: Value?)] = []
        func add(_ rdd: RDD<(Key, Value)>, _ operation: (Value, Value) -> Value) {
            for (key, value) in rdd.collect() {
                if let rank = ranks[key] {
                    entries[rank].value = entries[rank].value.map { operation($0, value) } ?? value
                } else {
                    ranks[key] = entries.count
                    entries.append((key, value))
                }
            }
        }
        if let previous {
            add(previous, combine)
            for leaving in perBatch.batchTimes(in: slide, endingAt: time - windowLength) {
                if let rdd = try perBatch.rdd(at: leaving) { add(rdd, inverse) }
            }
            for entering in perBatch.batchTimes(in: slide, endingAt: time) {
                if let rdd = try perBatch.rdd(at: entering) { add(rdd, combine) }
            }
        } else {
            for inside in perBatch.batchTimes(in: windowLength, endingAt: time) {
                if let rdd = try perBatch.rdd(at: inside) { add(rdd, combine) }
            }
        }
        let pairs = entries.compactMap { entry in entry.value.map { (entry.key, $0) } }
        let kept = filter.map { keep in pairs.filter(keep) } ?? pairs
        return RDD(kept, partitionCount: partitionCount ?? pool.parallelism, pool: pool)
    }
}
