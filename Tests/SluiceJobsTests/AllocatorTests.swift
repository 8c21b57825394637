import Foundation
import Testing

/// `sluice-job` runs on jemalloc and `sluice-job-system-malloc` on the C library's malloc, and each
/// says which, so that reports can name the allocator.
@Suite struct AllocatorTests {
    @Test(arguments: [("sluice-job", "on jemalloc 5."), ("sluice-job-system-malloc", "on glibc malloc")])
    func eachJobBinaryNamesItsAllocator(binary: String, expected: String) throws {
        let scratch = try CrashAndRestart.scratch("allocator-\(binary)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/in", withIntermediateDirectories: true)
        let run = try JobProcess.run(["--input", scratch + "/in", "--sink", "sqlite:" + scratch + "/out.db", "--checkpoint", scratch + "/checkpoint"],
                                     binary: binary)
        #expect(run.ending == .exited(0), "stderr: \(run.errors)")
        #expect(run.output.contains(expected), "output: \(run.output)")
    }
}
