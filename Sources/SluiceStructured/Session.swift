import SluiceCore

/// The entry point of the Structured API: makes DataFrames from tables and (with the streaming half)
/// from streams.
public final class Session: Sendable {
    public init() {}

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
