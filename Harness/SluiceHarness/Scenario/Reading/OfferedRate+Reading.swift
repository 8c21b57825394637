extension Scenario.OfferedRate {
    private enum Kind: String, CaseIterable {
        case constant, ramp, bursts
    }

    /// Reads `[rate]`: `kind` (required) and that kind's keys, all required.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        let kind = try table.required("kind", .choice(Kind.self))
        switch kind {
        case .constant:
            try table.allowOnly(["kind", "at"], kind: kind.rawValue)
            self = .constant(try table.required("at", .rate(positive: true)))
        case .ramp:
            try table.allowOnly(["kind", "from", "to", "over"], kind: kind.rawValue)
            self = .ramp(
                from: try table.required("from", .rate(positive: false)), to: try table.required("to", .rate(positive: true)),
                over: try table.required("over", .duration(positive: true))
            )
        case .bursts:
            try table.allowOnly(["kind", "base", "burst", "length", "every"], kind: kind.rawValue)
            let base = try table.required("base", .rate(positive: false)), burst = try table.required("burst", .rate(positive: true))
            let length = try table.required("length", .duration(positive: true)), every = try table.required("every", .duration(positive: true))
            guard burst > base else {
                throw table.error(at: "burst", .conflict("the burst rate \(burst) must be above \(table.name("base")), \(base)"))
            }
            guard length < every else {
                throw table.error(at: "length", .conflict("a burst of \(DurationText.format(length)) must be shorter than \(table.name("every")), \(DurationText.format(every))"))
            }
            self = .bursts(base: base, burst: burst, length: length, every: every)
        }
    }
}
