import SluiceCore

/// No unplanned crash: every time the job's process ended, either the nemesis had injected a fault into
/// that process (a `faultInjected` line with its pid came first) or it exited cleanly with status 0
/// (a job whose input is used up ends so). Any other end — a signal, a non-zero status, or an end with
/// neither — is a crash the run did not plan.
public struct UnplannedCrashChecker: Checker {
    public static let name = "no-unplanned-crash"
    public var name: String { Self.name }

    public init() {}

    public func check(_ run: CheckedRun) -> CheckOutcome {
        var planned: Set<Int32> = []
        var runningBatch: BatchID?
        var killed = 0
        var clean = 0
        var crashes: [(exit: HistoryEvent.ProcessExited, time: Int64, batch: BatchID?)] = []
        for entry in run.entries {
            switch entry.event {
            case .faultInjected(let fault): planned.insert(fault.pid)
            case .batchStarted(let started): runningBatch = started.batch
            case .processExited(let exit) where planned.contains(exit.pid): killed += 1
            case .processExited(let exit) where exit.signal == nil && exit.status == 0: clean += 1
            case .processExited(let exit): crashes.append((exit, entry.time, runningBatch))
            default: break
            }
        }
        let exits = killed + clean + crashes.count
        let tally = "\(killed) after injected faults, \(clean) clean (status 0)"
        guard let first = crashes.first else {
            return CheckOutcome(checker: name, verdict: .valid, summary: exits == 0 ? "the job never exited" : "\(exits) \(exits == 1 ? "exit" : "exits"): \(tally)")
        }
        return CheckOutcome(
            checker: name, verdict: .invalid, batch: first.batch,
            discrepancy: Discrepancy(
                batch: first.batch, subject: "job pid \(first.exit.pid)", expected: "an exit after an injected fault, or status 0",
                found: "\(Self.describe(first.exit)), \(ReportNumbers.duration(first.time)) into the run",
                explanation: "no fault was injected"
            ),
            summary: "\(crashes.count) of \(exits) exits unplanned; \(tally)"
        )
    }

    /// How a process ended, in words.
    static func describe(_ exit: HistoryEvent.ProcessExited) -> String {
        if let signal = exit.signal { return "killed by signal \(signal)" }
        if let status = exit.status { return "exited with status \(status)" }
        return "ended without a status or signal"
    }
}
