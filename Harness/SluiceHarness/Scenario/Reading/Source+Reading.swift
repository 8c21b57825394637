extension Scenario.Source {
    private enum Kind: String, CaseIterable {
        case directory, socket, ringBuffer = "ring-buffer", postgres
    }

    /// Reads `[source]`: `kind` and that kind's keys; an absent table is the splitter's directory.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        guard table.exists else {
            self = .directory(linesPerFile: Self.defaultLinesPerFile)
            return
        }
        let kind = try table.required("kind", .choice(Kind.self))
        switch kind {
        case .directory:
            try table.allowOnly(["kind", "lines-per-file"], kind: kind.rawValue)
            self = .directory(linesPerFile: try table.optional("lines-per-file", .wholeNumber(atLeast: 1, example: 10_000)) ?? Self.defaultLinesPerFile)
        case .socket:
            try table.allowOnly(["kind", "host", "port"], kind: kind.rawValue)
            self = .socket(host: try table.optional("host", .nonEmptyText) ?? Self.defaultHost, port: try table.optional("port", .port) ?? 0)
        case .ringBuffer:
            try table.allowOnly(["kind", "capacity", "chunk-rows"], kind: kind.rawValue)
            self = .ringBuffer(
                capacity: try table.optional("capacity", .wholeNumber(atLeast: 1, example: Self.defaultRingCapacity)) ?? Self.defaultRingCapacity,
                chunkRows: try table.optional("chunk-rows", .wholeNumber(atLeast: 1, example: Self.defaultChunkRows)) ?? Self.defaultChunkRows
            )
        case .postgres:
            try table.allowOnly(["kind", "table", "conninfo"], kind: kind.rawValue)
            self = .postgres(server: try Scenario.PostgresServer(reading: table), table: try table.optional("table", .nonEmptyText) ?? Self.defaultTable)
        }
    }
}

extension Scenario.PostgresServer {
    /// Reads `conninfo`: a connection string, or the throwaway server when it is absent.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        self = try table.optional("conninfo", .nonEmptyText).map { .conninfo($0) } ?? .throwaway
    }
}
