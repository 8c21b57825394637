extension Scenario.Faults {
    private enum Kind: String, CaseIterable {
        case none, points, randomKills = "random-kills"
    }

    /// Reads `[faults]`: `kind` and that kind's keys; an absent table is no faults.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        guard table.exists else {
            self = .none
            return
        }
        let kind = try table.required("kind", .choice(Kind.self))
        switch kind {
        case .none:
            try table.allowOnly(["kind"], kind: kind.rawValue)
            self = .none
        case .points:
            try table.allowOnly(["kind", "at"], kind: kind.rawValue)
            let plans = try table.requiredList("at", of: .faultPlan)
            for index in plans.indices.dropFirst() where plans[index].batch < plans[index - 1].batch {
                throw table.error(at: "at", index: index, .conflict(
                    "\(plans[index]) comes after \(plans[index - 1]); list the faults in batch order, each fires in a later run of the job"
                ))
            }
            self = .points(plans)
        case .randomKills:
            try table.allowOnly(["kind", "every", "jitter", "for", "seed"], kind: kind.rawValue)
            let every = try table.required("every", .duration(positive: true))
            let jitter = try table.optional("jitter", .duration(positive: false)) ?? .zero
            guard jitter < every else {
                throw table.error(at: "jitter", .conflict("the jitter \(DurationText.format(jitter)) must be shorter than \(table.name("every")), \(DurationText.format(every))"))
            }
            self = .randomKills(Scenario.RandomKills(
                every: every, jitter: jitter, lasting: try table.required("for", .duration(positive: true)),
                seed: try table.optional("seed", .seed) ?? 1
            ))
        }
    }
}
