extension Scenario.Checks {
    /// Reads `[checks]`: `exactly-once`, `prefix-integrity`, and the `[checks.latency]` objective.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["exactly-once", "prefix-integrity", "latency"])
        let defaults = Scenario.Checks()
        let latency = try table.table("latency")
        self.init(
            exactlyOnce: try table.optional("exactly-once", .boolean) ?? defaults.exactlyOnce,
            prefixIntegrity: try table.optional("prefix-integrity", .boolean) ?? defaults.prefixIntegrity,
            latency: table.has("latency") ? try Scenario.LatencyObjective(reading: latency) : nil
        )
    }
}

extension Scenario.LatencyObjective {
    /// Reads `[checks.latency]`: `percentile` and `under` (required).
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["percentile", "under"])
        self.init(
            percentile: try table.optional("percentile", .percentile) ?? Self.defaultPercentile,
            under: try table.required("under", .duration(positive: true))
        )
    }
}
