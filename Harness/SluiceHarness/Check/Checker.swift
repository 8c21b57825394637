/// A property of a run, judged from its history alone: a pure function from a ``CheckedRun`` to a
/// ``CheckOutcome``, as Jepsen's checkers are, so a stored run can be checked again.
public protocol Checker: Sendable {
    /// The checker's name in tables and `checkResult` lines, e.g. `exactly-once`.
    var name: String { get }
    /// Judges `run`.
    func check(_ run: CheckedRun) -> CheckOutcome
}

/// The checkers the harness runs.
public enum Checkers {
    /// Every checker, with the latency objective at `p99LimitMicroseconds`.
    public static func all(p99LimitMicroseconds: Int64) -> [any Checker] {
        [ExactlyOnceChecker(), PrefixIntegrityChecker(), LatencyObjectiveChecker(p99LimitMicroseconds: p99LimitMicroseconds), UnplannedCrashChecker()]
    }

    /// The names of ``all(p99LimitMicroseconds:)``, in order.
    public static let names = [ExactlyOnceChecker.name, PrefixIntegrityChecker.name, LatencyObjectiveChecker.name, UnplannedCrashChecker.name]

    /// Runs `checkers` over `run`, in order.
    public static func run(_ checkers: [any Checker], over run: CheckedRun) -> [CheckOutcome] {
        checkers.map { $0.check(run) }
    }
}
