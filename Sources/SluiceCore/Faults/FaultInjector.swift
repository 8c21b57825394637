import Foundation

/// Kills the process (SIGKILL: no cleanup, no flush, as a machine failure would) when a job reaches
/// the fault point its plan names. The plan comes from the environment variable `SLUICE_FAULT`
/// (`POINT@BATCH`, e.g. `inside-sink-transaction@3`) or from code, so both the harness's child
/// processes and a job's own options can arm it.
public struct FaultInjector: Sendable {
    /// The environment variable holding a process's fault plan.
    public static let environmentVariable = "SLUICE_FAULT"

    public let plan: FaultPlan?

    public init(plan: FaultPlan?) { self.plan = plan }

    /// The injector armed by `SLUICE_FAULT`, or a disarmed one when it is unset; a malformed value is an
    /// error naming the variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(FaultPlanError) -> FaultInjector {
        guard let text = environment[environmentVariable], !text.isEmpty else { return FaultInjector(plan: nil) }
        do {
            return FaultInjector(plan: try FaultPlan(parsing: text))
        } catch {
            throw FaultPlanError(text: text, problem: "in \(environmentVariable): \(error.problem)")
        }
    }

    /// The process-wide injector, from the environment when first used; a malformed value disarms it
    /// and says so on standard error.
    public static let process: FaultInjector = {
        do {
            return try fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("sluice: \(error); no fault will be injected\n".utf8))
            return FaultInjector(plan: nil)
        }
    }()

    /// Whether `point` in `batch` is where the plan crashes.
    public func fires(at point: FaultPoint, batch: BatchID) -> Bool {
        plan == FaultPlan(point: point, batch: batch)
    }

    /// Dies here if the plan names `point` in `batch`.
    public func reach(_ point: FaultPoint, batch: BatchID) {
        guard fires(at: point, batch: batch) else { return }
        FileHandle.standardError.write(Data("sluice: fault \(point)@\(batch): killing process \(getpid())\n".utf8))
        kill(getpid(), SIGKILL)
        while true { pause() }
    }
}
