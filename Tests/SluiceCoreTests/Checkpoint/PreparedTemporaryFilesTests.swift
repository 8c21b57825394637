import Foundation
import Synchronization
import Testing
@testable import SluiceCore

@Suite struct PreparedTemporaryFilesTests {
    /// A fresh directory for one test, removed at its end.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "sluice-prepared-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func inode(of path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    private func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func aPreparedFileBecomesTheWrittenFile() throws {
        try withFolder { folder in
            let offsets = folder + "/offsets"
            let pool = PreparedTemporaryFiles(depth: 2)
            pool.serve(offsets)
            pool.refill()
            #expect(pool.readyCount(in: offsets) == 2)
            let prepared = names(in: offsets)
            #expect(prepared.count == 2 && prepared.allSatisfy { $0.hasSuffix(DurableFile.temporarySuffix) })
            let inodes = try Set(prepared.map { try inode(of: offsets + "/" + $0) })

            let log = MetadataLog<OffsetsEntry>(directory: offsets, temporaryFiles: pool)
            try log.add(OffsetsEntry(batchTime: 7, sources: []), for: BatchID(0))
            #expect(pool.readyCount(in: offsets) == 1)
            #expect(inodes.contains(try inode(of: log.path(of: BatchID(0)))), "the batch's file is a prepared one, renamed")
            #expect(try log.get(BatchID(0)) == OffsetsEntry(batchTime: 7, sources: []))
            #expect(names(in: offsets).count == 2, "the written file and the one still ready")

            pool.refill()
            #expect(pool.readyCount(in: offsets) == 2)
            #expect(pool.removeAll() == 2)
            #expect(names(in: offsets) == ["0"])
            pool.refill()
            #expect(names(in: offsets) == ["0"], "a closed pool prepares nothing")
        }
    }

    @Test func aWriteCreatesItsOwnFileWhenNoneIsReady() throws {
        try withFolder { folder in
            let pool = PreparedTemporaryFiles()
            #expect(pool.take(in: folder) == nil, "nothing is ready before a refill")
            let temporary = Mutex<String?>(nil)
            try DurableFile.write(Array("one".utf8), to: folder + "/f", prepared: pool.take(in: folder)) { path in
                temporary.withLock { $0 = path }
            }
            #expect(temporary.withLock { $0 }?.hasPrefix(folder + "/f.") == true)

            let vanished = try #require(DurableFile.createEmptyTemporary(in: folder))
            try FileManager.default.removeItem(atPath: vanished)
            try DurableFile.write(Array("two".utf8), to: folder + "/f", prepared: vanished)
            #expect(try String(contentsOfFile: folder + "/f", encoding: .utf8) == "two")
            #expect(names(in: folder) == ["f"], "a prepared file someone removed is replaced by a created one")
        }
    }

    @Test func aPreparedFileLongerThanTheWriteIsTruncated() throws {
        try withFolder { folder in
            let prepared = try #require(DurableFile.createEmptyTemporary(in: folder))
            try Data("left over from before".utf8).write(to: URL(fileURLWithPath: prepared))
            try DurableFile.write(Array("new".utf8), to: folder + "/f", prepared: prepared)
            #expect(try String(contentsOfFile: folder + "/f", encoding: .utf8) == "new")
        }
    }

    @Test func preparedFilesACrashLeftAreRemovedAtStartAndCounted() throws {
        try withFolder { folder in
            let paths = CheckpointPaths(root: folder)
            let leftBehind = PreparedTemporaryFiles(depth: 2)
            leftBehind.serve(paths.offsets)
            leftBehind.serve(paths.state(operator: 0, partition: 0))
            leftBehind.refill()
            let notes = Mutex<[String]>([])
            let options = CheckpointCoordinator.Options(log: { note in notes.withLock { $0.append(note) } })
            let query = CheckpointMetadata(id: "q", fingerprint: [:])
            let coordinator = try CheckpointCoordinator(directory: folder, query: query, inputCount: 1, options: options)
            #expect(coordinator.notes.count == 1)
            #expect(coordinator.notes.first?.hasPrefix("removed 4 temporary file(s) left by a writer that died before renaming: offsets/prepared-") == true)
            try coordinator.close()
            #expect(names(in: paths.offsets).isEmpty, "the crash's files are gone and a clean close leaves none")
            #expect(names(in: paths.state(operator: 0, partition: 0)).isEmpty)
        }
    }

    @Test func theCoordinatorPreparesFilesInTheBackgroundAndRemovesThemOnClose() throws {
        try withFolder { folder in
            let query = CheckpointMetadata(id: "q", fingerprint: [:])
            let coordinator = try CheckpointCoordinator(directory: folder, query: query, inputCount: 1, options: .init(log: { _ in }))
            let store = coordinator.stateStore(operator: 0, partition: 0)
            let deadline = Date().addingTimeInterval(10)
            while coordinator.temporaryFiles.readyCount(in: store.directory) < 2 || coordinator.temporaryFiles.readyCount(in: coordinator.paths.offsets) < 2 {
                #expect(Date() < deadline, "the background writer prepares the files")
                if Date() >= deadline { break }
                usleep(1000)
            }
            try coordinator.writeOffsets(OffsetsEntry(batchTime: 0, sources: [nil]), for: BatchID(0))
            try store.commit(version: 1, delta: [1, 2, 3], snapshot: nil)
            #expect(coordinator.temporaryFiles.readyCount(in: coordinator.paths.offsets) == 1)
            #expect(coordinator.temporaryFiles.readyCount(in: store.directory) == 1)
            try coordinator.commitInBackground(BatchID(0), committedAt: Timestamp(microseconds: 0)) {}
            try coordinator.close()
            #expect(names(in: coordinator.paths.offsets) == ["0"])
            #expect(names(in: coordinator.paths.commits) == ["0"])
            #expect(names(in: store.directory) == ["1.delta"])
        }
    }
}
