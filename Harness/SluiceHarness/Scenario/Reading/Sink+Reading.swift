extension Scenario.Sink {
    private enum Kind: String, CaseIterable {
        case file, sqlite, postgres, memory
    }

    /// Reads `[sink]`: `kind` and that kind's keys; an absent table is SQLite in the run's folder.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        guard table.exists else {
            self = .sqlite(path: nil, table: Self.defaultTable)
            return
        }
        let kind = try table.required("kind", .choice(Kind.self))
        switch kind {
        case .file:
            try table.allowOnly(["kind", "format", "path"], kind: kind.rawValue)
            self = .file(format: try table.optional("format", .choice(Scenario.FileFormat.self)) ?? .csv, path: try table.optional("path", .nonEmptyText))
        case .sqlite:
            try table.allowOnly(["kind", "path", "table"], kind: kind.rawValue)
            self = .sqlite(path: try table.optional("path", .nonEmptyText), table: try table.optional("table", .nonEmptyText) ?? Self.defaultTable)
        case .postgres:
            try table.allowOnly(["kind", "conninfo", "table"], kind: kind.rawValue)
            self = .postgres(server: try Scenario.PostgresServer(reading: table), table: try table.optional("table", .nonEmptyText) ?? Self.defaultTable)
        case .memory:
            try table.allowOnly(["kind"], kind: kind.rawValue)
            self = .memory
        }
    }
}
