/// Short descriptions of a scenario's parts, for `list` and report settings: `ramp 100k/s→5M/s over 30s`.
extension Scenario {
    /// `directory (10000 lines a file)`, `socket 127.0.0.1:any`, `ring-buffer (64 × 4096 rows)`, `postgres orders`.
    public var sourceSummary: String {
        switch source {
        case .directory(let lines): "directory (\(lines) lines a file)"
        case .socket(let host, let port): "socket \(host):\(port == 0 ? "any" : String(port))"
        case .ringBuffer(let capacity, let chunkRows): "ring-buffer (\(capacity) × \(chunkRows) rows)"
        case .postgres(_, let table): "postgres \(table)"
        }
    }

    /// `structured/count-buys`, `dstream/top-clients`, `structured/sql`.
    public var querySummary: String {
        "\(job.api.rawValue)/\(job.query)"
    }

    /// The offered rate, and for a sweep what it tries: `constant 250k/s; sweep 6 intervals × 10 rates`.
    public var rateSummary: String {
        let shape = switch rate {
        case .constant(let rate): "constant \(rate)"
        case .ramp(let from, let to, let over): "ramp \(from)→\(to) over \(DurationText.format(over))"
        case .bursts(let base, let burst, let length, let every): "bursts \(base), \(burst) for \(DurationText.format(length)) every \(DurationText.format(every))"
        }
        guard let sweep else { return shape }
        return shape + "; sweep \(sweep.batchIntervals.count) intervals × \(sweep.rates.count) rates"
    }

    /// `2s`, or `all orders` when the replay runs until every order is offered.
    public var durationSummary: String {
        duration.map(DurationText.format) ?? "all orders"
    }

    /// `none`, `5 points`, `kill every 3s±1s for 1m`.
    public var faultsSummary: String {
        switch faults {
        case .none: "none"
        case .points(let plans): plans.count == 1 ? "1 point" : "\(plans.count) points"
        case .randomKills(let kills):
            "kill every \(DurationText.format(kills.every))" + (kills.jitter == .zero ? "" : "±\(DurationText.format(kills.jitter))") + " for \(DurationText.format(kills.lasting))"
        }
    }

    /// `exactly-once, prefix, p99 < 500ms`, or `none`.
    public var checksSummary: String {
        var names: [String] = []
        if checks.exactlyOnce { names.append("exactly-once") }
        if checks.prefixIntegrity { names.append("prefix") }
        if let latency = checks.latency { names.append(latency.description) }
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}

extension Scenario {
    /// `sqlite results`, `postgres results`, `file csv`, `memory`; paths and connection strings left out.
    public var sinkSummary: String {
        switch sink {
        case .file(let format, _): "file \(format.rawValue)"
        case .sqlite(_, let table): "sqlite \(table)"
        case .postgres(_, let table): "postgres \(table)"
        case .memory: "memory"
        }
    }

    /// The settings a report states, in the order `summary.md` shows them.
    public var reportSettings: [ReportSetting] {
        var settings = [
            ReportSetting("workload", "\(workload.orders) orders, seed \(workload.seed), malformed \(NumberText.compact(workload.malformedFraction)), late \(NumberText.compact(workload.lateFraction))"),
            ReportSetting("source", sourceSummary),
            ReportSetting("query", querySummary),
            ReportSetting("batch interval", DurationText.format(job.batchInterval)),
            ReportSetting("rate", rateSummary),
            ReportSetting("duration", durationSummary),
            ReportSetting("sink", sinkSummary),
            ReportSetting("faults", faultsSummary),
            ReportSetting("checks", checksSummary),
            ReportSetting("allocator", allocators.map(\.rawValue).joined(separator: ", ")),
        ]
        if case .sql(let text) = job.query { settings.insert(ReportSetting("sql", text), at: 3) }
        return settings
    }
}
