import SluiceCore

extension HistoryEvent {
    /// A checker's verdict, over the whole run or up to `batch`, with a short `detail` (what was checked,
    /// or the first discrepancy: the batch, the key and both values) and, for checkers that compare the
    /// sink with the input, the optional `counts`
    /// (`"counts":{"duplicated":12,"lost":0,"recovered":4000,"unexpected":0}`).
    public struct CheckResult: Sendable, Equatable, Codable {
        public var checker: String
        public var verdict: Verdict
        public var batch: BatchID?
        public var detail: String
        public var counts: CheckCounts?

        public init(checker: String, verdict: Verdict, batch: BatchID? = nil, detail: String, counts: CheckCounts? = nil) {
            self.checker = checker
            self.verdict = verdict
            self.batch = batch
            self.detail = detail
            self.counts = counts
        }
    }

    /// How far the sink is from the reference answer, in the units of the query's count column (orders
    /// for count-buys, order-window pairs for windowed counts), or in rows for a query without one.
    public struct CheckCounts: Sendable, Hashable, Codable {
        /// Counted in the reference but missing from the sink.
        public var lost: Int64
        /// Counted in the sink more often than in the reference.
        public var duplicated: Int64
        /// In the sink under keys the reference does not have.
        public var unexpected: Int64
        /// Orders of batches that ran again after a kill, inside the input checked: if the verdict is
        /// valid, each of them counts exactly once.
        public var recovered: Int64

        public init(lost: Int64 = 0, duplicated: Int64 = 0, unexpected: Int64 = 0, recovered: Int64 = 0) {
            self.lost = lost
            self.duplicated = duplicated
            self.unexpected = unexpected
            self.recovered = recovered
        }
    }

    /// Jepsen's three answers.
    public enum Verdict: String, Sendable, Equatable, Codable {
        /// The history satisfies the property.
        case valid
        /// The history violates it.
        case invalid
        /// The history cannot tell (e.g. the run ended before the sink could be read).
        case unknown
    }
}
