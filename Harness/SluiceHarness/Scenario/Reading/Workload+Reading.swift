extension Scenario.Workload {
    /// Reads `[workload]`: `orders` (required), `seed`, `malformed`, `late`.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["orders", "seed", "malformed", "late"])
        let defaults = Scenario.Workload(orders: 1)
        self.init(
            orders: try table.required("orders", .wholeNumber(atLeast: 1, example: 500_000)),
            seed: try table.optional("seed", .seed) ?? defaults.seed,
            malformedFraction: try table.optional("malformed", .fraction(example: "0.001")) ?? defaults.malformedFraction,
            lateFraction: try table.optional("late", .fraction(example: "0.03")) ?? defaults.lateFraction
        )
    }
}
