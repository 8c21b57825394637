import SluiceCore
import SluiceOrders
import SluicePostgres
import SluiceSQLite
import SluiceStructured

/// Runs a job's query with the Structured API: order files through the replayable file source, the
/// result upserted into the sink table, everything checkpointed; returns when the input is used up, or
/// with a marker, once the marker has appeared and the files before it are read.
enum StructuredJob {
    static func run(_ spec: JobSpec, events: JobEventLog?, log: @escaping @Sendable (String) -> Void) throws -> Int {
        let session = Session()
        let orders = session.readStream.files(directory: spec.input, decoder: OrderParser(), maxFilesPerTrigger: spec.filesPerBatch)
        let result = switch spec.query {
        case .countBuys:
            orders.groupBy(col("buy")).count()
        case .windowedCounts:
            orders.withWatermark("time", .minutes(10)).groupBy(col("buy"), window(col("time"), .hours(1), slide: .minutes(5))).count()
        }
        let sink: any StreamingSink = switch spec.sink {
        case .sqlite(let path): SQLiteSink(path: path, table: spec.table, keyColumns: spec.query.keyColumns)
        case .postgres(let conninfo): PostgresSink(conninfo: conninfo, table: spec.table, keyColumns: spec.query.keyColumns)
        }
        let options = CheckpointCoordinator.Options(snapshotInterval: spec.snapshotInterval, log: log)
        let pacing = spec.pacing
        var writer = result.writeStream.outputMode(.update).trigger(pacing == nil ? .availableNow : .processingTime(.zero)).sink(sink)
            .checkpointLocation(spec.checkpoint, options: options)
        if let events { writer = writer.listener(StructuredEventListener(log: events)) }
        let query = try writer.start(driving: .caller)
        if let pacing {
            try pacing.run(log: events) { try query.processAllAvailable() }
        } else {
            try query.processAllAvailable()
        }
        query.stop()
        try query.awaitTermination()
        return query.recentProgress.count
    }
}
