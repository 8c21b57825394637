import Foundation

/// `summary.md`: the run at a glance — scenario and settings, machine, throughput and latency figures,
/// checks, recovery times — with the plots embedded as images beside it.
public enum SummaryMarkdown {
    /// The summary's text. `plots` are the SVG files written next to it; `notes` are remarks about the
    /// history, such as a torn last line. Settings and check details pass through ``Redaction``.
    public static func render(_ analysis: RunAnalysis, context: ReportContext, plots: [RunCharts.File], notes: [String] = []) -> String {
        var lines: [String] = []
        lines.append("# \(Redaction.scrub(context.scenario)): run \(context.run)")
        lines.append("")
        lines.append(verdict(analysis))
        lines.append("")
        lines += scenario(context)
        lines += machine(context.machine)
        lines += throughput(analysis, batchIntervalMicroseconds: context.batchIntervalMicroseconds)
        lines += latency(analysis.latency)
        lines += checks(analysis.checks)
        lines += recovery(analysis.recoveries)
        if !context.capacity.isEmpty { lines += capacity(context.capacity) }
        if !notes.isEmpty {
            lines += ["## Notes", ""] + notes.map { "- \(Redaction.scrub($0))" } + [""]
        }
        lines += ["## Plots", ""]
        for plot in plots {
            lines += ["![\(title(of: plot))](\(plot.rawValue))", ""]
        }
        return lines.joined(separator: "\n")
    }

    /// The one-line verdict under the title.
    static func verdict(_ analysis: RunAnalysis) -> String {
        let (valid, invalid, unknown) = analysis.checkCounts
        let total = valid + invalid + unknown
        let unplanned = analysis.recoveries.count { $0.cause == .unplannedExit }
        var parts: [String] = []
        if total == 0 {
            parts.append("**No checks ran.**")
        } else if invalid > 0 {
            parts.append("**FAILED: \(invalid) of \(total) checks failed.**")
        } else if unknown > 0 {
            parts.append("**\(valid) of \(total) checks passed, \(unknown) could not tell.**")
        } else {
            parts.append("**All \(total) checks passed.**")
        }
        if unplanned > 0 { parts.append("**The job exited \(unplanned) times without a planned fault.**") }
        return parts.joined(separator: " ")
    }

    private static func scenario(_ context: ReportContext) -> [String] {
        var rows = [["scenario", context.scenario], ["run", context.run]]
        if let interval = context.batchIntervalMicroseconds { rows.append(["batch interval", ReportNumbers.duration(interval)]) }
        rows += context.settings.map { [$0.key, Redaction.value($0.value, ofSetting: $0.key)] }
        return section("Scenario", table(["setting", "value"], rows))
    }

    private static func machine(_ machine: MachineFacts) -> [String] {
        section("Machine", table(["fact", "value"], [
            ["cores", String(machine.cores)],
            ["memory", ReportNumbers.gibibytes(machine.memoryBytes)],
            ["operating system", machine.operatingSystem],
            ["Swift", machine.swiftVersion],
            ["allocator", machine.allocator],
        ]))
    }

    private static func throughput(_ analysis: RunAnalysis, batchIntervalMicroseconds: Int64?) -> [String] {
        var rows: [[String]] = []
        rows.append(["run length", ReportNumbers.duration(analysis.endTime)])
        let offered = analysis.offeredRate.map { " at \(ReportNumbers.rate($0))" } ?? ""
        rows.append(["records offered", ReportNumbers.count(analysis.recordsProduced) + offered])
        let processed = analysis.processedRate.map { " at \(ReportNumbers.rate($0))" } ?? ""
        rows.append(["records processed", ReportNumbers.count(analysis.recordsProcessed) + processed])
        rows.append(["busiest second", ReportNumbers.rate(Double(analysis.peakProcessedPerSecond))])
        rows.append(["batches committed", "\(analysis.batches.count), \(analysis.interruptedBatchStarts) batch runs cut short by a kill"])
        if let processing = analysis.processingTime {
            var text = "median \(ReportNumbers.duration(processing.median)), max \(ReportNumbers.duration(processing.maximum))"
            if let interval = batchIntervalMicroseconds {
                text += "; \(analysis.batchesSlowerThan(interval)) batches over the \(ReportNumbers.duration(interval)) interval"
            }
            rows.append(["processing time per batch", text])
        }
        if let delay = analysis.maximumSchedulingDelay { rows.append(["largest scheduling delay", ReportNumbers.duration(delay)]) }
        let totals = analysis.totals
        rows.append(["late rows dropped", ReportNumbers.count(totals.lateRowsDropped)])
        rows.append(["malformed lines", ReportNumbers.count(totals.malformedLines)])
        rows.append(["sink rows written", ReportNumbers.count(totals.sinkRows)])
        return section("Throughput", table(["figure", "value"], rows))
    }

    private static func latency(_ histogram: LatencyHistogram) -> [String] {
        let summary = histogram.summary
        var lines = table(
            ["samples", "p50", "p90", "p99", "p99.9", "max"],
            [[ReportNumbers.count(summary.count)] + [summary.p50, summary.p90, summary.p99, summary.p999, summary.maximum].map(ReportNumbers.duration)]
        )
        lines.append("")
        lines.append("From each record's scheduled time to its result in the sink; HDR histogram, 3 significant digits.")
        if histogram.clampedCount > 0 {
            lines.append("\(ReportNumbers.count(histogram.clampedCount)) samples lay outside 0 to 1 hour and count as the nearer bound.")
        }
        return section("End-to-end latency", lines)
    }

    private static func checks(_ checks: [HistoryEvent.CheckResult]) -> [String] {
        guard !checks.isEmpty else { return section("Checks", ["No checker wrote a result."]) }
        let rows = checks.map { check in
            let verdict = switch check.verdict {
            case .valid: "passed"
            case .invalid: "**FAILED**"
            case .unknown: "unknown"
            }
            return [check.checker, verdict, check.batch.map { String($0.rawValue) } ?? "all", Redaction.scrub(check.detail)]
        }
        return section("Checks", table(["checker", "verdict", "batch", "detail"], rows))
    }

    private static func recovery(_ recoveries: [Recovery]) -> [String] {
        guard !recoveries.isEmpty else { return section("Recovery", ["The job ran without a kill or an exit."]) }
        let rows = recoveries.enumerated().map { index, recovery in
            let exit: String = if let signal = recovery.exit?.signal {
                "signal \(signal)"
            } else if let status = recovery.exit?.status {
                "status \(status)"
            } else {
                "-"
            }
            return [
                String(index + 1), String(format: "%.2f s", Double(recovery.diedAt) / 1_000_000), recovery.cause.description, exit,
                recovery.downtimeMicroseconds.map(ReportNumbers.duration) ?? "not restarted",
                recovery.firstBatchMicroseconds.map(ReportNumbers.duration) ?? "none",
            ]
        }
        var lines = table(["#", "died at", "cause", "exit", "down time", "restart to first new batch"], rows)
        let downtimes = recoveries.compactMap(\.downtimeMicroseconds)
        let firstBatches = recoveries.compactMap(\.firstBatchMicroseconds)
        if let longestDown = downtimes.max(), let longestFirst = firstBatches.max() {
            lines += ["", "Longest down time \(ReportNumbers.duration(longestDown)); longest wait for the first new batch \(ReportNumbers.duration(longestFirst))."]
        }
        return section("Recovery", lines)
    }

    private static func capacity(_ points: [CapacityPoint]) -> [String] {
        let rows = points.sorted { ($0.batchIntervalMicroseconds, $0.offeredRate) < ($1.batchIntervalMicroseconds, $1.offeredRate) }.map { point in
            [
                ReportNumbers.duration(point.batchIntervalMicroseconds), ReportNumbers.rate(point.offeredRate), ReportNumbers.rate(point.sustainedRate),
                ReportNumbers.duration(point.latency.p50), ReportNumbers.duration(point.latency.p99),
            ]
        }
        return section("Capacity", table(["batch interval", "offered", "sustained", "p50", "p99"], rows))
    }

    private static func title(of plot: RunCharts.File) -> String {
        switch plot {
        case .latency: "End-to-end latency over time"
        case .throughput: "Throughput over time"
        case .processing: "Processing time against the batch interval"
        case .capacity: "Capacity: sustained against offered rate"
        case .capacityLatency: "Capacity: p99 latency against offered rate"
        }
    }

    private static func section(_ title: String, _ body: [String]) -> [String] {
        ["## \(title)", ""] + body + [""]
    }

    /// A markdown table; `|` in a cell is escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return [line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(line)
    }
}
