import SluiceCore
import Synchronization

/// The entry point of the Structured API: makes DataFrames from tables and streams, and keeps the
/// temporary views and the memory tables that streaming queries write.
public final class Session: Sendable {
    let memoryTables = Mutex<[String: MemorySink]>([:])
    let temporaryViews = Mutex<[String: LogicalPlan]>([:])

    public init() {}

    func registerMemoryTable(_ name: String, schema: Schema) -> MemorySink {
        memoryTables.withLock { tables in
            let sink = MemorySink(name: name, schema: schema)
            tables[name] = sink
            return sink
        }
    }

    /// A DataFrame over batches already in memory.
    public func createDataFrame(_ batches: [RecordBatch], name: String = "table") -> DataFrame {
        let schema = batches.first?.schema ?? Schema([])
        return DataFrame(session: self, plan: .source(SourceRelation(name: name, schema: schema, content: .table(batches))))
    }

    /// A DataFrame over rows of boxed values.
    public func createDataFrame(rows: [[Value]], schema: Schema, name: String = "table") throws(BatchError) -> DataFrame {
        let batch = try RecordBatch(schema: schema, rows: rows)
        return DataFrame(session: self, plan: .source(SourceRelation(name: name, schema: schema, content: .table([batch]))))
    }
}
