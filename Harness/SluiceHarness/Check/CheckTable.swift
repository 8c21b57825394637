/// Checker outcomes as markdown: a verdict line and one table row per checker, for the terminal and for
/// a run's `checks.md`.
public enum CheckTable {
    /// The one-line verdict: `**FAILED: 1 of 4 checks failed.**`, `**All 4 checks passed.**`, …
    public static func verdict(_ outcomes: [CheckOutcome]) -> String {
        let invalid = outcomes.count { $0.verdict == .invalid }
        let unknown = outcomes.count { $0.verdict == .unknown }
        if outcomes.isEmpty { return "**No checks ran.**" }
        if invalid > 0 { return "**FAILED: \(invalid) of \(outcomes.count) checks failed.**" }
        if unknown > 0 { return "**\(outcomes.count - unknown) of \(outcomes.count) checks passed, \(unknown) could not tell.**" }
        return "**All \(outcomes.count) checks passed.**"
    }

    /// The table: check, verdict, batch, the four counts (`-` for checkers without counts) and the detail.
    public static func table(_ outcomes: [CheckOutcome]) -> [String] {
        let rows = outcomes.map { outcome in
            let counts = outcome.counts.map { [$0.lost, $0.duplicated, $0.unexpected, $0.recovered].map(ReportNumbers.count) }
            return [outcome.checker, label(outcome.verdict), outcome.batch.map { String($0.rawValue) } ?? "all"]
                + (counts ?? ["-", "-", "-", "-"]) + [Redaction.scrub(outcome.detail)]
        }
        return SummaryMarkdown.table(["check", "verdict", "batch", "lost", "duplicated", "unexpected", "recovered", "detail"], rows)
    }

    /// `checks.md`: a title naming the history, the verdict, the table and any notes about the history.
    public static func document(_ outcomes: [CheckOutcome], history: String, notes: [String] = []) -> String {
        var lines = ["# Checks of \(Redaction.scrub(history))", "", verdict(outcomes), ""] + table(outcomes) + [""]
        if !notes.isEmpty { lines += ["## Notes", ""] + notes.map { "- \(Redaction.scrub($0))" } + [""] }
        return lines.joined(separator: "\n")
    }

    private static func label(_ verdict: HistoryEvent.Verdict) -> String {
        switch verdict {
        case .valid: "passed"
        case .invalid: "**FAILED**"
        case .unknown: "unknown"
        }
    }
}
