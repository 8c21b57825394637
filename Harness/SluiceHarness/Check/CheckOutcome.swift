import SluiceCore

/// What one checker concluded about a run: Jepsen's valid / invalid / unknown, the counts for checkers
/// that compare the sink with the input, the first discrepancy when invalid, and a summary of what was
/// checked (or why it could not be).
public struct CheckOutcome: Sendable, Equatable {
    /// The checker's name, e.g. `exactly-once`.
    public var checker: String
    public var verdict: HistoryEvent.Verdict
    /// The batch checked through, or the first batch found wrong.
    public var batch: BatchID?
    /// Lost, duplicated, unexpected and recovered; nil for checkers that do not count records.
    public var counts: HistoryEvent.CheckCounts?
    /// The first thing found wrong, when invalid.
    public var discrepancy: Discrepancy?
    /// What was checked, or why the checker could not tell.
    public var summary: String

    public init(
        checker: String, verdict: HistoryEvent.Verdict, batch: BatchID? = nil, counts: HistoryEvent.CheckCounts? = nil,
        discrepancy: Discrepancy? = nil, summary: String
    ) {
        self.checker = checker
        self.verdict = verdict
        self.batch = batch
        self.counts = counts
        self.discrepancy = discrepancy
        self.summary = summary
    }

    /// An outcome that cannot tell, saying why.
    public static func unknown(_ checker: String, _ reason: String) -> CheckOutcome {
        CheckOutcome(checker: checker, verdict: .unknown, summary: reason)
    }

    /// The discrepancy, if any, then the summary: one line for a table or a `checkResult` line.
    public var detail: String {
        [discrepancy?.description, summary.isEmpty ? nil : summary].compactMap(\.self).joined(separator: "; ")
    }

    /// The outcome as a history's `checkResult` event.
    public var checkResult: HistoryEvent.CheckResult {
        HistoryEvent.CheckResult(checker: checker, verdict: verdict, batch: batch, detail: detail, counts: counts)
    }
}
