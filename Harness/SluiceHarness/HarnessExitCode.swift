import ArgumentParser

/// The exit codes of `sluice-harness`, one place for all commands:
///
/// | code | meaning |
/// | --- | --- |
/// | 0 | pass: the command did its work and every check it ran was valid (or unknown) |
/// | 1 | harness error: a wrong option or scenario, or a file that cannot be read or written |
/// | 2 | check failed: a checker found the run invalid |
/// | 3 | performance regression: `compare` found a figure worse than its tolerance |
/// | 4 | the job crashed outside a planned fault |
public enum HarnessExitCode: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case pass = 0
    case harnessError = 1
    case checkFailed = 2
    case performanceRegression = 3
    case jobCrashed = 4

    /// The code as ArgumentParser's error, to throw from `run()`.
    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// The code for a set of verdicts: a crash outside a planned fault first (it explains what else
    /// fails), then any invalid check, then any unknown one when `unknownFails`; otherwise pass.
    public static func forChecks(_ outcomes: [CheckOutcome], unknownFails: Bool = false) -> HarnessExitCode {
        if outcomes.contains(where: { $0.checker == UnplannedCrashChecker.name && $0.verdict == .invalid }) { return .jobCrashed }
        if outcomes.contains(where: { $0.verdict == .invalid }) { return .checkFailed }
        if unknownFails, outcomes.contains(where: { $0.verdict == .unknown }) { return .checkFailed }
        return .pass
    }

    public var description: String {
        switch self {
        case .pass: "pass"
        case .harnessError: "harness error"
        case .checkFailed: "check failed"
        case .performanceRegression: "performance regression"
        case .jobCrashed: "job crashed outside a planned fault"
        }
    }
}
