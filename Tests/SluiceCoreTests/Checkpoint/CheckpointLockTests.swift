import Foundation
import Testing
@testable import SluiceCore

@Suite struct CheckpointLockTests {
    @Test func aSecondJobIsRefusedWithTheHoldersName() throws {
        let directory = NSTemporaryDirectory() + "sluice-lock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try CheckpointLock(directory: directory, holder: "pid 1 on test, since now")
        #expect(throws: CheckpointError.io(path: directory + "/lock",
                                           reason: "the checkpoint is in use by pid 1 on test, since now; one checkpoint serves one running job")) {
            _ = try CheckpointLock(directory: directory, holder: "pid 2")
        }
        first.release()
        let second = try CheckpointLock(directory: directory, holder: "pid 2")
        second.release()
    }

    @Test func pathsAreBuiltInOnePlace() {
        let paths = CheckpointPaths(root: "/cp")
        #expect([paths.metadata, paths.offsets, paths.commits, paths.state(operator: 0, partition: 3), paths.source(1)]
            == ["/cp/metadata", "/cp/offsets", "/cp/commits", "/cp/state/0/3", "/cp/sources/1"])
    }
}
