import Foundation
import Testing
@testable import SluiceCore

@Suite struct DirectoryInputTests {
    /// A fresh directory under the system's temporary directory, removed by `remove()`.
    struct ScratchDirectory {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "sluice-directory-input-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        /// Writes `text` under a staging name and renames it in, as writers must.
        func moveIn(_ name: String, _ text: String) throws {
            let staging = path + "/.staging-" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: staging))
            try FileManager.default.moveItem(atPath: staging, toPath: path + "/" + name)
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    func cut(_ input: DirectoryInput) -> (lines: [String], slice: InputSlice) {
        let slice = input.cut(for: BatchID(0), at: Timestamp(microseconds: 0))
        return (slice.chunks.flatMap(\.rows).map { $0[0].description }, slice)
    }

    @Test func readsOnlyFilesMovedInAfterStartEachOnceInNameOrder() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.moveIn("old", "before start\n")
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder())
        try input.start()
        #expect(!input.hasPendingData)

        try directory.moveIn("chunkab", "b1\nb2\n")
        try directory.moveIn("chunkaa", "a1\n")
        #expect(input.hasPendingData)
        #expect(cut(input).lines == ["a1", "b1", "b2"])
        #expect(cut(input).lines.isEmpty, "a file is read once")
        try directory.moveIn("chunkac", "c1")
        #expect(cut(input).lines == ["c1"])
    }

    @Test func ignoresHiddenAndInProgressNames() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder())
        try input.start()
        for name in [".hidden", "_temporary", "part.tmp", "chunk._COPYING_"] {
            try Data("half\n".utf8).write(to: URL(fileURLWithPath: directory.path + "/" + name))
        }
        try FileManager.default.createDirectory(atPath: directory.path + "/subdirectory", withIntermediateDirectories: false)
        #expect(cut(input).lines.isEmpty)
    }

    @Test func namesVanishedAndEmptyFilesAndGoesOn() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder())
        try input.start()
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/gone", withDestinationPath: directory.path + "/missing")
        try directory.moveIn("empty", "")
        try directory.moveIn("good", "kept\n")
        let (lines, slice) = cut(input)
        #expect(lines == ["kept"])
        #expect(slice.problems.map(\.description) == [
            "\(directory.path)/empty: empty file; no records",
            "\(directory.path)/gone: file vanished before it was read; skipped",
        ])
    }

    @Test func countsMalformedLinesWithTheirFileAndLine() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder(maximumLineBytes: 4))
        try input.start()
        try directory.moveIn("f", "ok\ntoo long\nok2\n")
        let (lines, slice) = cut(input)
        #expect(lines == ["ok", "ok2"])
        #expect(slice.malformedRecords == 1)
        #expect(slice.problems.map(\.description) == ["\(directory.path)/f line 2: line of 8 bytes is longer than the 4-byte limit"])
    }

    @Test func limitsFilesPerCut() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder(), maximumFilesPerCut: 2)
        try input.start()
        for name in ["a", "b", "c"] { try directory.moveIn(name, name + "\n") }
        #expect(cut(input).lines == ["a", "b"])
        #expect(input.hasPendingData)
        #expect(cut(input).lines == ["c"])
    }

    @Test func canIncludeTheFilesPresentAtStart() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.moveIn("old", "before start\n")
        let input = DirectoryInput(directory: directory.path, decoder: TextLineDecoder(), includeExistingFiles: true)
        try input.start()
        #expect(input.hasPendingData)
        #expect(cut(input).lines == ["before start"])
    }

    @Test func aMissingDirectoryIsReportedAtStart() {
        let input = DirectoryInput(directory: "/nonexistent/sluice", decoder: TextLineDecoder())
        #expect(throws: InputProblem(source: "/nonexistent/sluice", message: "no such directory")) { try input.start() }
    }
}
