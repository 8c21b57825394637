import SluiceCore
import SluiceDStream
import SluiceOrders
import SluicePostgres
import SluiceSQLite

/// Runs a job's query with the DStream API: order files through the replayable file source, running
/// counts kept by `updateStateByKey`, every batch's counts upserted into the sink table by batch id,
/// everything checkpointed; batches are stepped on a manual clock until the input is used up, or with a
/// marker, at each tick of the batch interval until the marker has appeared and the files before it are read.
enum DStreamJob {
    static func run(_ spec: JobSpec, events: JobEventLog?, log: @escaping @Sendable (String) -> Void) throws -> Int {
        let interval = Duration.seconds(1)
        let clock = ManualClock(start: Timestamp(microseconds: 1_700_000_000_000_000))
        let context = StreamingContext(batchInterval: interval, clock: clock)
        context.checkpoint(directory: spec.checkpoint, options: .init(snapshotInterval: spec.snapshotInterval, log: log))
        let input = DirectoryInput(directory: spec.input, decoder: OrderParser(), maximumFilesPerCut: spec.filesPerBatch, includeExistingFiles: true)
        let orders = context.receiverStream(input, decode: Order.orders(in:))
        let table: any TransactionalTable = switch spec.sink {
        case .sqlite(let path): try SQLiteTable(path: path, table: spec.table, jobID: spec.table)
        case .postgres(let conninfo): PostgresTable(conninfo: conninfo, table: spec.table)
        }
        let mode = TableWriteMode.upsert(keys: spec.query.keyColumns)
        switch spec.query {
        case .countBuys:
            orders.map { ($0.isBuy, Int64(1)) }.updateStateByKey(runningSum)
                .saveToTable(table, schema: Schema([Field("buy", .bool), Field("count", .int64)]), mode: mode) { [.bool($0.0), .int64($0.1)] }
        case .windowedCounts:
            orders.flatMap { order in
                TimeWindow.windows(containing: order.time, length: .seconds(3600), slide: .seconds(300)).map { (SideWindow(buy: order.isBuy, start: $0.start), Int64(1)) }
            }
            .updateStateByKey(runningSum)
            .saveToTable(table, schema: Schema([Field("buy", .bool), Field("window.start", .timestamp), Field("window.end", .timestamp), Field("count", .int64)]),
                         mode: mode) { [.bool($0.0.buy), .timestamp($0.0.start), .timestamp($0.0.start + 3_600_000_000), .int64($0.1)] }
        }
        if let events { context.addStreamingListener(DStreamEventListener(log: events)) }
        try context.start(driving: .caller)
        var batches = 0
        func drain() throws {
            while input.hasPendingData {
                clock.advance(by: interval)
                batches += try context.runDueBatches().count
            }
        }
        if let pacing = spec.pacing {
            try pacing.run(log: events, round: drain)
        } else {
            try drain()
        }
        context.stop(gracefully: true)
        _ = try context.awaitTermination()
        return batches
    }

    @Sendable private static func runningSum(_ values: [Int64], _ state: Int64?) -> Int64? {
        (state ?? 0) + values.reduce(0, +)
    }
}

/// A side of the book in one event-time window: the key of the DStream windowed count.
struct SideWindow: Hashable, Codable, Sendable {
    let buy: Bool
    let start: Int64
}
