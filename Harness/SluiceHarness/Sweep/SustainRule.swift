/// Whether a run kept up with its offered rate, judged from its committed batches in commit order.
///
/// A run sustains its rate when no batch's processing time exceeds the batch interval and the scheduling
/// delay does not grow: the median delay of the last third of the batches is at most 1.5 × the median of
/// the first third plus a tenth of the interval. A run without batches does not sustain its rate.
public enum SustainRule {
    /// The rule's verdict on one run.
    public enum Verdict: Sendable, Equatable, CustomStringConvertible {
        case sustained
        /// No batch committed.
        case noBatches
        /// Batch `index` (0-based, in commit order) ran longer than the interval.
        case processingOverInterval(index: Int, processingMicroseconds: Int64)
        /// The last third's median scheduling delay exceeded the limit drawn from the first third's.
        case growingDelay(firstMedianMicroseconds: Int64, lastMedianMicroseconds: Int64)

        public var isSustained: Bool { self == .sustained }

        public var description: String {
            switch self {
            case .sustained: "sustained"
            case .noBatches: "no batch committed"
            case .processingOverInterval(let index, let processing):
                "batch \(index) took \(ReportNumbers.duration(processing)), over the interval"
            case .growingDelay(let first, let last):
                "scheduling delay grew from a median of \(ReportNumbers.duration(first)) to \(ReportNumbers.duration(last))"
            }
        }
    }

    /// The verdict on `batches` of a run at a batch interval of `intervalMicroseconds`.
    public static func judge(_ batches: [TrialBatch], intervalMicroseconds: Int64) -> Verdict {
        guard !batches.isEmpty else { return .noBatches }
        if let index = batches.firstIndex(where: { $0.processingMicroseconds > intervalMicroseconds }) {
            return .processingOverInterval(index: index, processingMicroseconds: batches[index].processingMicroseconds)
        }
        let third = max(1, batches.count / 3)
        let delays = batches.map(\.schedulingDelayMicroseconds)
        let first = median(delays.prefix(third))
        let last = median(delays.suffix(third))
        let limit = 1.5 * Double(first) + Double(intervalMicroseconds) / 10
        guard Double(last) <= limit else { return .growingDelay(firstMedianMicroseconds: first, lastMedianMicroseconds: last) }
        return .sustained
    }

    /// The lower median of a non-empty collection.
    static func median(_ values: some Collection<Int64>) -> Int64 {
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
