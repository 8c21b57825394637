extension Scenario.Tolerances {
    /// Reads `[tolerances]`: `throughput` (a drop), `p50`, `p90`, `p99`, `p999`, `max` (rises).
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["throughput", "p50", "p90", "p99", "p999", "max"])
        let defaults = Scenario.Tolerances()
        self.init(
            throughputDrop: try table.optional("throughput", .change(.minus)) ?? defaults.throughputDrop,
            p50Rise: try table.optional("p50", .change(.plus)) ?? defaults.p50Rise,
            p90Rise: try table.optional("p90", .change(.plus)) ?? defaults.p90Rise,
            p99Rise: try table.optional("p99", .change(.plus)) ?? defaults.p99Rise,
            p999Rise: try table.optional("p999", .change(.plus)) ?? defaults.p999Rise,
            maxRise: try table.optional("max", .change(.plus)) ?? defaults.maxRise
        )
    }
}
