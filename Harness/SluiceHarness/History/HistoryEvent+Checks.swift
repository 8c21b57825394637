import SluiceCore

extension HistoryEvent {
    /// A checker's verdict, over the whole run or up to `batch`, with a short `detail` (what was checked,
    /// or the first discrepancy: the batch, the key and both values).
    public struct CheckResult: Sendable, Equatable, Codable {
        public var checker: String
        public var verdict: Verdict
        public var batch: BatchID?
        public var detail: String

        public init(checker: String, verdict: Verdict, batch: BatchID? = nil, detail: String) {
            self.checker = checker
            self.verdict = verdict
            self.batch = batch
            self.detail = detail
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
