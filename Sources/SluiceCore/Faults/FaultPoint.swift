/// A named place in a checkpointed batch where a job can be made to die, to prove that a restart
/// recovers from a crash there.
public enum FaultPoint: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `offsets/N` is durable; the batch has not run.
    case afterOffsets = "after-offsets"
    /// The batch's state version is durable; the sink may not have committed.
    case afterState = "after-state"
    /// The sink's transaction is open and holds the batch's rows, uncommitted.
    case insideSinkTransaction = "inside-sink-transaction"
    /// The sink committed the batch; `commits/N` is not written yet.
    case afterSinkCommit = "after-sink-commit"
    /// A state snapshot is half written (its temporary file exists, not renamed).
    case duringSnapshot = "during-snapshot"

    public var description: String { rawValue }
}

/// Where and when to crash: a fault point and the batch at which it fires.
public struct FaultPlan: Sendable, Equatable, CustomStringConvertible {
    public let point: FaultPoint
    public let batch: BatchID

    public init(point: FaultPoint, batch: BatchID) {
        self.point = point
        self.batch = batch
    }

    /// The plan written as `point@batch`, e.g. `after-offsets@3`, or why it is not one.
    public init(parsing text: String) throws(FaultPlanError) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw FaultPlanError(text: text, problem: "expected POINT@BATCH") }
        guard let point = FaultPoint(rawValue: String(parts[0])) else {
            throw FaultPlanError(text: text, problem: "unknown fault point '\(parts[0])'")
        }
        guard let batch = Int64(parts[1]), batch >= 0 else {
            throw FaultPlanError(text: text, problem: "the batch must be a non-negative integer, got '\(parts[1])'")
        }
        self.init(point: point, batch: BatchID(batch))
    }

    public var description: String { "\(point)@\(batch)" }
}

/// A fault plan's text could not be read.
public struct FaultPlanError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let problem: String

    public var description: String {
        "fault plan '\(text)': \(problem); points are \(FaultPoint.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
