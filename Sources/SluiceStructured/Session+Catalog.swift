import SluiceCore

/// The names a session knows: temporary views (any DataFrame, static or streaming, under a name) and
/// the memory tables written by streaming queries. A view hides a memory table of the same name.
extension Session {
    /// The view or memory table `name`: a view's query, or a memory table's rows as they are now.
    ///
    /// Throws when neither exists, naming the ones that do.
    public func table(_ name: String) throws(AnalysisError) -> DataFrame {
        DataFrame(session: self, plan: try relation(named: name))
    }

    /// Registers `plan` as the temporary view `name`, replacing any view of that name.
    func registerTemporaryView(_ name: String, plan: LogicalPlan) {
        temporaryViews.withLock { $0[name] = plan }
    }

    /// The plan behind the name `name`: the view of that name first, else the memory table.
    func relation(named name: String) throws(AnalysisError) -> LogicalPlan {
        if let view = temporaryViews.withLock({ $0[name] }) { return view }
        guard let sink = memoryTables.withLock({ $0[name] }) else { throw .tableNotFound(name, known: tableNames) }
        let schema = sink.schema ?? Schema([])
        return .source(SourceRelation(name: name, schema: schema, content: .table(sink.batches)))
    }

    /// The names of all views and memory tables, sorted.
    public var tableNames: [String] {
        let views = temporaryViews.withLock { Array($0.keys) }
        let tables = memoryTables.withLock { Array($0.keys) }
        return Set(views + tables).sorted()
    }
}

extension DataFrame {
    /// Makes this DataFrame (static or streaming) readable as `name` in `session.sql` and
    /// `session.table`, replacing any view of that name: Spark's `createOrReplaceTempView`.
    ///
    /// The view keeps the query, not its rows: a query on a view of a stream is itself streaming.
    public func createOrReplaceTempView(_ name: String) {
        session.registerTemporaryView(name, plan: plan)
    }
}
