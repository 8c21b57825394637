import SluiceCore

extension StreamingContext {
    /// A stream of what `input` delivers, each chunk decoded into elements (one partition per chunk).
    ///
    /// Under a checkpoint, a `ReplayableInput` (files, sequenced producers) goes on after the last batch
    /// that ran, and gives a batch run again after a crash exactly its data; any other input's records
    /// in such a batch are lost.
    @inlinable public func receiverStream<Element: Sendable>(
        _ input: any BatchInput, decode: @escaping @Sendable (RecordBatch) -> [Element]
    ) -> DStream<Element> {
        let index = graph.addInput(input)
        let stream = DStream<Element>(context: self, slideDuration: batchInterval, parents: []) { [graph, pool] time in
            guard let batch = graph.currentBatch, batch.time == time else { return nil }
            return RDD(partitions: batch.inputs[index].chunks.map(decode), pool: pool)
        }
        graph.addInputStream(stream)
        return stream
    }

    /// The lines of the text files moved into `directory` after start, each file read once (across
    /// restarts too, under a checkpoint).
    @inlinable public func textFileStream(directory: String) -> DStream<String> {
        receiverStream(DirectoryInput(directory: directory, decoder: TextLineDecoder()), decode: Self.stringValues)
    }

    /// The lines read from a TCP server at `host:port` (e.g. `nc -lk 9999`), reconnecting when it is lost.
    @inlinable public func socketTextStream(host: String, port: Int, reconnectDelay: Duration = .seconds(2)) -> DStream<String> {
        receiverStream(SocketInput(host: host, port: port, reconnectDelay: reconnectDelay), decode: Self.stringValues)
    }

    /// A stream fed by in-process producer threads through the lock-free ingest channel: each producer
    /// (`channel.makeProducer()`) sends arrays of elements; each batch takes what was sent before it.
    @inlinable public func producerStream<Element: Sendable>(
        name: String = "producers", capacityPerProducer: Int = 64, fullBufferPolicy: FullBufferPolicy = .wait
    ) -> (stream: DStream<Element>, channel: IngestChannel<[Element]>) {
        let channel = IngestChannel<[Element]>(name: name, capacityPerProducer: capacityPerProducer, fullBufferPolicy: fullBufferPolicy)
        let stream = DStream<Element>(context: self, slideDuration: batchInterval, parents: []) { [pool] _ in
            RDD(partitions: channel.drainAll(), pool: pool)
        }
        graph.addInProcessStream(stream, name: "producerStream \(name)")
        return (stream, channel)
    }

    /// The RDDs pushed into `queue`: one per batch (`oneAtATime`) or all queued ones together; an empty
    /// queue yields `defaultRDD`, if given, else an empty RDD.
    @inlinable public func queueStream<Element: Sendable>(_ queue: RDDQueue<Element>, oneAtATime: Bool = true,
                                               defaultRDD: RDD<Element>? = nil) -> DStream<Element> {
        let stream = DStream<Element>(context: self, slideDuration: batchInterval, parents: []) { [pool] _ in
            let taken = queue.take(oneAtATime: oneAtATime)
            if taken.isEmpty { return defaultRDD ?? RDD.empty(pool: pool) }
            return RDD(partitions: taken.flatMap(\.partitions), pool: pool)
        }
        graph.addInProcessStream(stream, name: "queueStream")
        return stream
    }

    /// The strings of a one-column text batch.
    @usableFromInline static func stringValues(_ batch: RecordBatch) -> [String] {
        guard case .string(let lines) = batch.columns.first else { return [] }
        return (0 ..< lines.count).map { lines.string(at: $0) }
    }
}
