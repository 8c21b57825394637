import ArgumentParser

/// The tolerance flags of `compare`, one per ``Scenario/Tolerances`` field; each given flag overrides
/// that one tolerance of the scenario or the defaults.
struct ToleranceOptions: ParsableArguments {
    @Option(name: .customLong("throughput-drop"), parsing: .unconditional, help: ArgumentHelp("How far throughput may drop, e.g. 10% or -10%.", valueName: "PERCENT"))
    var throughputDrop: String?

    @Option(name: .customLong("p50-rise"), parsing: .unconditional, help: ArgumentHelp("How far the p50 figures (latency, processing time, mean processing time) may rise, e.g. 20%.", valueName: "PERCENT"))
    var p50Rise: String?

    @Option(name: .customLong("p90-rise"), parsing: .unconditional, help: ArgumentHelp("How far latency p90 may rise, e.g. 20%.", valueName: "PERCENT"))
    var p90Rise: String?

    @Option(name: .customLong("p99-rise"), parsing: .unconditional, help: ArgumentHelp("How far the p99 figures (latency, processing time, scheduling delay) may rise, e.g. 20%.", valueName: "PERCENT"))
    var p99Rise: String?

    @Option(name: .customLong("p999-rise"), parsing: .unconditional, help: ArgumentHelp("How far latency p99.9 may rise, e.g. 30%.", valueName: "PERCENT"))
    var p999Rise: String?

    @Option(name: .customLong("max-rise"), parsing: .unconditional, help: ArgumentHelp("How far the latency maximum may rise, e.g. 50%.", valueName: "PERCENT"))
    var maxRise: String?

    /// `base` with each given flag's tolerance in place of its own.
    func applied(to base: Scenario.Tolerances) throws(CompareError) -> Scenario.Tolerances {
        var tolerances = base
        if let throughputDrop { tolerances.throughputDrop = try ToleranceText.parse(throughputDrop, flag: "--throughput-drop", direction: .minus) }
        if let p50Rise { tolerances.p50Rise = try ToleranceText.parse(p50Rise, flag: "--p50-rise", direction: .plus) }
        if let p90Rise { tolerances.p90Rise = try ToleranceText.parse(p90Rise, flag: "--p90-rise", direction: .plus) }
        if let p99Rise { tolerances.p99Rise = try ToleranceText.parse(p99Rise, flag: "--p99-rise", direction: .plus) }
        if let p999Rise { tolerances.p999Rise = try ToleranceText.parse(p999Rise, flag: "--p999-rise", direction: .plus) }
        if let maxRise { tolerances.maxRise = try ToleranceText.parse(maxRise, flag: "--max-rise", direction: .plus) }
        return tolerances
    }

    /// The flags given, for the line that says where the tolerances came from.
    var given: [String] {
        [("--throughput-drop", throughputDrop), ("--p50-rise", p50Rise), ("--p90-rise", p90Rise), ("--p99-rise", p99Rise), ("--p999-rise", p999Rise), ("--max-rise", maxRise)]
            .compactMap { $0.1 == nil ? nil : $0.0 }
    }
}
