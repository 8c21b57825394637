import SluiceCore

/// A query over a table or a stream, built by chaining transformations; nothing runs until an action
/// (`collect`, or starting a stream), which is also when the query is analyzed and errors are thrown.
public struct DataFrame: Sendable {
    public let session: Session
    public let plan: LogicalPlan

    init(session: Session, plan: LogicalPlan) {
        self.session = session
        self.plan = plan
    }

    /// The output schema, or the analysis error that stops the query from running.
    public func schema() throws(AnalysisError) -> Schema { try Analyzer.schema(of: plan) }

    /// Whether the DataFrame reads a stream.
    public var isStreaming: Bool { plan.isStreaming }

    /// All rows of a batch query, as boxed values.
    public func collect() throws(AnalysisError) -> [[Value]] {
        try BatchExecutor.execute(plan).flatMap(\.rows)
    }

    /// All rows of a batch query, as record batches.
    public func batches() throws(AnalysisError) -> [RecordBatch] {
        try BatchExecutor.execute(plan)
    }

    func with(_ plan: LogicalPlan) -> DataFrame { DataFrame(session: session, plan: plan) }
}
