import SluiceCore

/// The first place a checker found the run wrong: the batch, what it looked at (a key of the result, or
/// the files read) and both values, e.g.
/// `batch 7, key (buy=true): expected 1204, found 1216 (counted twice?)`.
public struct Discrepancy: Sendable, Equatable, CustomStringConvertible {
    /// The batch after which the sink was wrong; nil for the run's end state.
    public var batch: BatchID?
    /// The result row's key, when a row is wrong.
    public var key: RowKey?
    /// What was wrong, printed: `key (buy=true)`, `files read`.
    public var subject: String
    public var expected: String
    public var found: String
    /// A guess at the cause, such as `counted twice?`.
    public var explanation: String?

    public init(batch: BatchID?, key: RowKey? = nil, subject: String, expected: String, found: String, explanation: String? = nil) {
        self.batch = batch
        self.key = key
        self.subject = subject
        self.expected = expected
        self.found = found
        self.explanation = explanation
    }

    /// The discrepancy of one wrong row of `table`'s layout.
    init(batch: BatchID?, mismatch: SinkTableDifference.Mismatch, layout table: SinkTable) {
        let explanation: String? = switch (mismatch.expected, mismatch.found) {
        case (_?, nil): "row lost?"
        case (nil, _?): "unexpected row"
        case (let wanted?, let got?):
            table.layout.countColumn.flatMap { column -> String? in
                guard let wantedCount = wanted[column]?.numericValue, let gotCount = got[column]?.numericValue else { return nil }
                return gotCount > wantedCount ? "counted twice?" : gotCount < wantedCount ? "lost?" : nil
            }
        case (nil, nil): nil
        }
        self.init(
            batch: batch, key: mismatch.key, subject: "key \(mismatch.key)",
            expected: mismatch.expected.map(table.printed) ?? "no row",
            found: mismatch.found.map(table.printed) ?? "no row",
            explanation: explanation
        )
    }

    public var description: String {
        let place = batch.map { "batch \($0), " } ?? ""
        let cause = explanation.map { " (\($0))" } ?? ""
        return "\(place)\(subject): expected \(expected), found \(found)\(cause)"
    }
}
