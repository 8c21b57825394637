import SluiceCore

/// One death of the job and what followed: the kill (or unplanned exit), the restart and the first
/// batch after it.
public struct Recovery: Sendable, Equatable {
    /// Why the job died.
    public enum Cause: Sendable, Equatable, CustomStringConvertible {
        /// The nemesis killed it, at a fault point or at random, in `batch` when known.
        case fault(HistoryEvent.FaultInjected.Fault, batch: BatchID?)
        /// It ended without a fault being injected: a crash the run did not plan.
        case unplannedExit

        public var description: String {
            switch self {
            case .fault(let fault, let batch?): "\(fault) in batch \(batch)"
            case .fault(let fault, nil): "\(fault)"
            case .unplannedExit: "unplanned exit"
            }
        }
    }

    public var cause: Cause
    /// The process that died.
    public var pid: Int32
    /// When it was killed, or exited if unplanned; µs since the run started.
    public var diedAt: Int64
    /// How it ended, once its exit is in the history.
    public var exit: HistoryEvent.ProcessExited?
    /// When the job was started again, µs since the run started.
    public var restartedAt: Int64?
    /// From the end of the old process to the start of the new one, µs (the `restarted` line's figure).
    public var downtimeMicroseconds: Int64?
    /// From the restart to the first batch committed after it, µs.
    public var firstBatchMicroseconds: Int64?

    public init(cause: Cause, pid: Int32, diedAt: Int64) {
        self.cause = cause
        self.pid = pid
        self.diedAt = diedAt
    }
}
