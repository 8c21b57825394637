extension Scenario.Job {
    /// Reads `[job]`: `api`, `query` or `sql` (one of them required), `batch-interval`, `snapshot-interval`.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["api", "query", "sql", "batch-interval", "snapshot-interval"])
        let api = try table.optional("api", .choice(Scenario.API.self)) ?? .structured
        let named = try table.optional("query", .choice(Scenario.NamedQuery.self))
        let sql = try table.optional("sql", .nonEmptyText)
        let query: Scenario.Query
        switch (named, sql) {
        case (let named?, nil):
            query = .named(named)
        case (nil, let sql?):
            guard api == .structured else {
                throw table.error(at: "sql", .conflict("SQL runs on the Structured API only; set \(table.name("api")) = \"structured\" (it is \"\(api.rawValue)\")"))
            }
            query = .sql(sql)
        case (_?, _?):
            throw table.error(at: "sql", .conflict("give \(table.name("query")) or \(table.name("sql")), not both"))
        case (nil, nil):
            let names = ValueForm<Scenario.NamedQuery>.choice().expected
            throw table.error(at: "query", .missingKey(expected: "\(names); or \(table.name("sql")) = \"SELECT …\""))
        }
        self.init(
            api: api, query: query,
            batchInterval: try table.optional("batch-interval", .duration(positive: true)) ?? Self.defaultBatchInterval,
            snapshotInterval: try table.optional("snapshot-interval", .wholeNumber(atLeast: 1, example: 10)) ?? Self.defaultSnapshotInterval
        )
    }
}
