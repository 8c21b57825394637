import Foundation
import SluiceCore
import Testing

/// One crash-recovery run of `sluice-job`: killed at a fault point, then restarted on the same
/// checkpoint; the sink is read after each so the caller can compare it with the reference answers.
struct CrashAndRestart {
    let arguments: [String]

    /// The job over `workload` with `query`, `api` and `sink`, checkpointing under `scratch`.
    init(api: String = "structured", query: String, workload: OrderWorkload, sink: String, table: String, scratch: String) {
        arguments = ["--api", api, "--query", query, "--input", workload.directory, "--files-per-batch", "2",
                     "--sink", sink, "--table", table, "--checkpoint", scratch + "/checkpoint", "--snapshot-interval", "2"]
    }

    /// Kills the job at `point` in `batch`, reads the sink, restarts it to the end and reads it again.
    func run<Rows>(killedAt point: FaultPoint, batch: Int, read: () throws -> Rows) throws -> (afterCrash: Rows, final: Rows) {
        let crashed = try JobProcess.run(arguments, fault: "\(point)@\(batch)")
        #expect(crashed.ending == .killed(signal: SIGKILL), "the job must die at \(point); stderr: \(crashed.errors)")
        #expect(crashed.errors.contains("fault \(point)@\(batch)"))
        let afterCrash = try read()
        let restarted = try JobProcess.run(arguments)
        #expect(restarted.ending == .exited(0), "the restart must finish; stderr: \(restarted.errors)")
        return (afterCrash, try read())
    }

    /// A new scratch directory, removed by the caller.
    static func scratch(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "sluice-crash-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
