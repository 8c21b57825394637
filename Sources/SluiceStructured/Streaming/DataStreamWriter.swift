import Foundation
import SluiceCore

/// Configures and starts a streaming query: Spark's `df.writeStream`.
public struct DataStreamWriter: Sendable {
    let frame: DataFrame
    var mode = OutputMode.append
    var trigger = Trigger.processingTime(.zero)
    var queryName: String?
    var sink: (any StreamingSink)?
    var clock: any StreamingClock = SystemClock()
    var listeners: [any StreamingQueryListener] = []
    var checkpoint: CheckpointSettings?

    public func outputMode(_ mode: OutputMode) -> DataStreamWriter { with { $0.mode = mode } }
    public func trigger(_ trigger: Trigger) -> DataStreamWriter { with { $0.trigger = trigger } }
    /// Names the query; the memory sink's table takes this name.
    public func queryName(_ name: String) -> DataStreamWriter { with { $0.queryName = name } }
    /// The clock batches are timed by (a `ManualClock` in tests).
    public func clock(_ clock: any StreamingClock) -> DataStreamWriter { with { $0.clock = clock } }
    public func listener(_ listener: any StreamingQueryListener) -> DataStreamWriter { with { $0.listeners.append(listener) } }
    /// Keeps offsets, commits and state in `directory` so that a restarted query continues where this
    /// one stopped (Spark's `checkpointLocation` option).
    public func checkpointLocation(_ directory: String, options: CheckpointCoordinator.Options = .init()) -> DataStreamWriter {
        with { $0.checkpoint = CheckpointSettings(location: directory, options: options) }
    }

    /// Prints each batch as a table.
    public func console(rowLimit: Int = 20, printer: @escaping @Sendable (String) -> Void = { print($0) }) -> DataStreamWriter {
        with { $0.sink = ConsoleSink(rowLimit: rowLimit, printer: printer) }
    }

    /// Keeps the result in a table named after the query, readable with `session.table(name)`.
    public func memory() -> DataStreamWriter { with { $0.sink = nil } }

    /// Hands each batch to `body` as a DataFrame with its batch id.
    public func foreachBatch(_ body: @escaping @Sendable (DataFrame, BatchID) throws -> Void) -> DataStreamWriter {
        with { $0.sink = ForeachBatchSink(session: frame.session, body: body) }
    }

    /// Writes into any sink.
    public func sink(_ sink: any StreamingSink) -> DataStreamWriter { with { $0.sink = sink } }

    /// Validates the query against the output mode and starts it; `driving: .caller` leaves running
    /// batches to `processAllAvailable()` (deterministic tests).
    public func start(driving: StreamingQueryDriving = .backgroundThread) throws -> StreamingQuery {
        try self.sink?.check(outputMode: mode)
        let sink = try self.sink ?? memorySink()
        let query = try StreamingQuery(name: queryName, id: UUID().uuidString.lowercased(), plan: frame.plan, mode: mode,
                                       trigger: trigger, clock: clock, sink: sink, listeners: listeners, checkpoint: checkpoint)
        try query.start(inBackground: driving == .backgroundThread)
        return query
    }

    private func memorySink() throws -> MemorySink {
        guard let queryName else { throw AnalysisError("the memory sink needs a query name: call queryName(_:) before start()") }
        return frame.session.registerMemoryTable(queryName, schema: try frame.schema())
    }

    private func with(_ change: (inout DataStreamWriter) -> Void) -> DataStreamWriter {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Who runs a streaming query's batches.
public enum StreamingQueryDriving: Sendable {
    /// A thread of the query's own, as Spark does.
    case backgroundThread
    /// The caller, through `processAllAvailable()`.
    case caller
}

extension DataFrame {
    /// Starts building a streaming query.
    public var writeStream: DataStreamWriter { DataStreamWriter(frame: self) }
}

extension Session {
    /// Makes streaming DataFrames.
    public var readStream: DataStreamReader { DataStreamReader(session: self) }
}
