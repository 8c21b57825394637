import Foundation
import SluiceCore
import SluiceSQLite
import Testing

/// The Structured API's exactly-once guarantee under real process deaths: `sluice-job` is killed
/// (SIGKILL) at each fault point, its sink must then hold the answer over a prefix of the input, and a
/// restart on the same checkpoint must finish with the answer over all of it.
@Suite struct StructuredCrashRecoveryTests {
    static let workload = Result { try OrderWorkload.make() }
    static let resultSchema = Schema([Field("buy", .bool), Field("count", .int64)])

    @Test(arguments: FaultPoint.allCases)
    func countBuysRecoversFromAKill(at point: FaultPoint) throws {
        let workload = try Self.workload.get()
        let scratch = NSTemporaryDirectory() + "sluice-crash-\(point)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let database = scratch + "/out.db"
        let arguments = ["--api", "structured", "--query", "count-buys", "--input", workload.directory, "--files-per-batch", "2",
                         "--sink", "sqlite:" + database, "--table", "counts", "--checkpoint", scratch + "/checkpoint", "--snapshot-interval", "2"]
        let faultBatch = point == .duringSnapshot ? 1 : 2
        let crashed = try JobProcess.run(arguments, fault: "\(point)@\(faultBatch)")
        #expect(crashed.ending == .killed(signal: SIGKILL), "the job must die at \(point); stderr: \(crashed.errors)")
        #expect(crashed.errors.contains("fault \(point)@\(faultBatch)"))

        let afterCrash = try counts(in: database)
        let prefix = (0 ... 4).map { 2 * $0 }.first { workload.buySellCounts(overFirst: $0) == afterCrash }
        #expect(prefix != nil, "after a kill at \(point) the sink must hold the answer over a prefix of the input; it holds \(afterCrash)")

        let restarted = try JobProcess.run(arguments)
        #expect(restarted.ending == .exited(0), "the restart must finish; stderr: \(restarted.errors)")
        #expect(try counts(in: database) == workload.buySellCounts(overFirst: workload.files.count), "nothing lost, nothing counted twice")
        #expect(try SQLiteTable(path: database, table: "counts", jobID: "counts").lastCommittedBatch() == BatchID(3))
    }

    private func counts(in database: String) throws -> [Bool: Int64] {
        guard FileManager.default.fileExists(atPath: database) else { return [:] }
        let rows = try SQLiteTable(path: database, table: "counts", jobID: "counts").rows(orderedBy: ["buy"], schema: Self.resultSchema)
        var counts: [Bool: Int64] = [:]
        for row in rows {
            guard case .bool(let buy) = row[0], case .int64(let count) = row[1] else { continue }
            counts[buy] = count
        }
        return counts
    }
}
