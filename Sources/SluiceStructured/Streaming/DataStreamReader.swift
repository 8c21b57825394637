import SluiceCore

/// Makes streaming DataFrames: Spark's `spark.readStream`.
public struct DataStreamReader: Sendable {
    let session: Session

    /// Lines of text from a TCP server (`nc -lk 9999`), in one string column `value`.
    public func socket(host: String, port: Int) -> DataFrame {
        stream(name: "socket \(host):\(port)", schema: TextLineDecoder.valueSchema) {
            SocketInput(host: host, port: port)
        }
    }

    /// The rows of files moved into `directory`, decoded by `decoder` (at most `maxFilesPerTrigger` per
    /// batch); files present at start are read too, as Spark's file source does. The input is
    /// replayable: a checkpointed query reads each file once across restarts.
    public func files(directory: String, decoder: any RecordDecoder, maxFilesPerTrigger: Int? = nil) -> DataFrame {
        stream(name: "directory \(directory)", schema: decoder.schema) {
            DirectoryInput(directory: directory, decoder: decoder, maximumFilesPerCut: maxFilesPerTrigger, includeExistingFiles: true)
        }
    }

    /// A stream fed by in-process producer threads through the lock-free ingest channel: each producer
    /// (`input.makeProducer()`) sends record batches of `schema`.
    public func producers(schema: Schema, name: String = "producers", capacityPerProducer: Int = 64,
                          fullBufferPolicy: FullBufferPolicy = .wait) -> (frame: DataFrame, input: ChannelInput) {
        let input = ChannelInput(name: name, schema: schema, capacityPerProducer: capacityPerProducer, fullBufferPolicy: fullBufferPolicy)
        return (stream(name: name, schema: schema) { input }, input)
    }

    /// A replayable stream fed by in-process producer threads: each producer
    /// (`input.makeProducer(named:startingAt:)`, one name per thread, the same in every run) numbers the
    /// record batches of `schema` it sends. Start the producer threads before the query: each calls
    /// `input.awaitResumeSequence(for:timeout:)`, which answers once the query's start has positioned
    /// the input, and sends from there; after a restart the query waits up to `replayTimeout` for them
    /// to send again the rows of the batch it must run again.
    public func sequencedProducers(schema: Schema, name: String = "producers", capacityPerProducer: Int = 64,
                                   replayTimeout: Duration = .seconds(30)) -> (frame: DataFrame, input: SequencedChannelInput) {
        let input = SequencedChannelInput(name: name, schema: schema, capacityPerProducer: capacityPerProducer, replayTimeout: replayTimeout)
        return (stream(name: name, schema: schema) { input }, input)
    }

    /// A stream that tests (and in-process code) add rows to: Spark's `MemoryStream`.
    public func memory(schema: Schema, name: String = "memory") -> MemoryStream {
        MemoryStream(session: session, schema: schema, name: name)
    }

    /// A stream of any `BatchInput`.
    public func stream(name: String, schema: Schema, input: @escaping @Sendable () -> any BatchInput) -> DataFrame {
        DataFrame(session: session, plan: .source(SourceRelation(name: name, schema: schema, content: .stream(input))))
    }
}

/// Rows added by code, each `addData` call becoming available to the next micro-batch.
public final class MemoryStream: Sendable {
    public let schema: Schema
    private let queue: QueueInput
    private let session: Session
    private let name: String

    init(session: Session, schema: Schema, name: String) {
        self.session = session
        self.schema = schema
        self.name = name
        self.queue = QueueInput(name: name, schema: schema, oneAtATime: false)
    }

    /// The stream as a DataFrame.
    public func toDF() -> DataFrame {
        let queue = self.queue
        return DataStreamReader(session: session).stream(name: name, schema: schema) { queue }
    }

    /// Adds rows of boxed values.
    public func addData(_ rows: [[Value]]) throws(BatchError) {
        try queue.enqueue(try RecordBatch(schema: schema, rows: rows))
    }

    /// Adds a batch.
    public func addData(_ batch: RecordBatch) throws(BatchError) { try queue.enqueue(batch) }
}
