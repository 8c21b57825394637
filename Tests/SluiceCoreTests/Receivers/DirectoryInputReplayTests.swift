import Foundation
import Testing
@testable import SluiceCore

@Suite struct DirectoryInputReplayTests {
    typealias ScratchDirectory = DirectoryInputTests.ScratchDirectory

    /// A watched directory and a checkpoint's source log beside it.
    struct Fixture {
        let watched: ScratchDirectory
        let checkpoint: ScratchDirectory

        init() throws {
            watched = try ScratchDirectory()
            checkpoint = try ScratchDirectory()
        }

        var log: String { checkpoint.path + "/sources/0" }

        /// The names in the source log, in id order.
        var logEntries: [String] {
            MetadataLog<DirectoryFilesLog.Entry>(directory: log).batches().map(\.description)
        }

        /// A fresh input (a new process), resumed and started.
        func input(after: SourceOffset? = nil, history: [SourceOffset] = [], includeExistingFiles: Bool = true,
                   maximumFilesPerCut: Int? = nil) throws -> DirectoryInput {
            let input = DirectoryInput(directory: watched.path, decoder: TextLineDecoder(),
                                       maximumFilesPerCut: maximumFilesPerCut, includeExistingFiles: includeExistingFiles)
            try input.resume(after: after, history: history, log: log)
            try input.start()
            return input
        }

        func remove() {
            watched.remove()
            checkpoint.remove()
        }
    }

    func lines(_ slice: InputSlice) -> [String] { slice.chunks.flatMap(\.rows).map { $0[0].description } }

    func cut(_ input: DirectoryInput) -> InputSlice { input.cut(for: BatchID(0), at: Timestamp(microseconds: 0)) }

    @Test func eachCutEndNamesTheFilesItReadAndAnEmptyCutKeepsThePreviousEnd() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = try fixture.input()
        #expect(cut(input).end == SourceOffset(json: #"{"files":[],"index":0}"#))
        try fixture.watched.moveIn("b.csv", "b1\n")
        try fixture.watched.moveIn("a.csv", "a1\na2\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.watched.path + "/gone", withDestinationPath: "/nonexistent/sluice")
        let first = cut(input)
        #expect(lines(first) == ["a1", "a2", "b1"])
        #expect(first.end == SourceOffset(json: #"{"files":["a.csv","b.csv"],"index":1}"#), "a file skipped as vanished is not in the offset")
        #expect(cut(input).end == first.end)
        try fixture.watched.moveIn("c.csv", "c1\n")
        #expect(cut(input).end == SourceOffset(json: #"{"files":["c.csv"],"index":2}"#))
    }

    @Test func aRestartReadsEveryFileNotReadBeforeExactlyOnce() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.watched.moveIn("0-existing", "e\n")
        let first = try fixture.input(maximumFilesPerCut: 1)
        try fixture.watched.moveIn("1-committed", "c\n")
        try fixture.watched.moveIn("2-uncommitted", "u\n")
        try fixture.watched.moveIn("3-pending", "p\n")
        let cuts = (0 ..< 3).map { _ in cut(first) }
        #expect(cuts.map(lines) == [["e"], ["c"], ["u"]])
        try first.commit(through: try #require(cuts[1].end))
        #expect(fixture.logEntries == ["1", "2"], "the third cut is not committed, so not logged")

        try fixture.watched.moveIn("4-while-down", "d\n")
        let ends = cuts.compactMap(\.end)
        let second = try fixture.input(after: ends[2], history: ends, maximumFilesPerCut: 1)
        var readAfterRestart: [String] = []
        while second.hasPendingData { readAfterRestart += lines(cut(second)) }
        #expect(readAfterRestart == ["p", "d"], "neither the logged nor the only-in-history files are read again")
        #expect(cut(second).end == SourceOffset(json: #"{"files":["4-while-down"],"index":5}"#))
        try second.commit(through: try #require(cut(second).end))
        #expect(fixture.logEntries == ["1", "2", "3", "4", "5"], "the history's cut is logged by the next commit")
    }

    @Test func withoutExistingFilesThoseOfTheFirstStartStayUnreadAcrossRestarts() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.watched.moveIn("old", "o\n")
        let first = try fixture.input(includeExistingFiles: false)
        #expect(fixture.logEntries == ["0"], "the unread files are logged at the first start")
        try fixture.watched.moveIn("new", "n\n")
        let end = try #require(cut(first).end)
        try fixture.watched.moveIn("while-down", "d\n")
        let second = try fixture.input(after: end, history: [end], includeExistingFiles: false)
        #expect(lines(cut(second)) == ["d"])
    }

    @Test func replayOnAFreshInstanceGivesTheCutsRowsAndChunks() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = try fixture.input()
        try fixture.watched.moveIn("a", "a1\n")
        let before = try #require(cut(input).end)
        try fixture.watched.moveIn("b", "b1\nb2\n")
        try fixture.watched.moveIn("c", "c1\n")
        let original = cut(input)
        let end = try #require(original.end)

        let restarted = try fixture.input(after: end, history: [before, end])
        let replayed = try restarted.replay(from: before, to: end)
        #expect(lines(replayed) == ["b1", "b2", "c1"])
        #expect(replayed.chunks.map(\.rowCount) == original.chunks.map(\.rowCount))
        #expect(replayed.end == end)
        #expect(try restarted.replay(from: end, to: end).chunks.isEmpty, "an empty batch replays empty")
        #expect(lines(cut(restarted)).isEmpty, "the replayed files are not read again")
    }

    @Test func replayingAFileThatVanishedIsAnErrorNamingIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = try fixture.input()
        try fixture.watched.moveIn("a", "a1\n")
        let end = try #require(cut(input).end)
        try FileManager.default.removeItem(atPath: fixture.watched.path + "/a")
        #expect(throws: ReplayError(input: input.name, message: "cannot replay cut 1: \(fixture.watched.path)/a no longer exists, "
            + "so its rows cannot be read again and exactly-once cannot be kept")) {
            try input.replay(from: nil, to: end)
        }
    }

    @Test func anOffsetOfAnotherInputIsAnError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = DirectoryInput(directory: fixture.watched.path, decoder: TextLineDecoder())
        #expect(throws: ReplayError.self) { try input.resume(after: SourceOffset(json: #"{"p0":3}"#), history: [], log: fixture.log) }
    }

    @Test(arguments: [1, 9, 10, 11, 19, 20, 27])
    func compactionKeepsTheReadFilesExactAfterCommits(commits: Int) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = try fixture.input()
        var end = DirectoryOffset.nothing.sourceOffset
        for number in 1 ... commits {
            try fixture.watched.moveIn(String(format: "file-%03d", number), "\(number)\n")
            end = try #require(cut(input).end)
            try input.commit(through: end)
        }
        let lastCompaction = max(commits / 10 * 10, 1)
        #expect(fixture.logEntries == (lastCompaction ... commits).map(String.init), "the entries before a compaction are deleted")
        #expect(try DirectoryFilesLog(directory: fixture.log).read.count == commits)

        try fixture.watched.moveIn("file-new", "new\n")
        let restarted = try fixture.input(after: end, history: [])
        #expect(lines(cut(restarted)) == ["new"])
    }

    @Test func compactionGoesOnAcrossARestart() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var input = try fixture.input()
        var end = DirectoryOffset.nothing.sourceOffset
        for number in 1 ... 25 {
            if number == 16 { input = try fixture.input(after: end) }
            try fixture.watched.moveIn(String(format: "file-%03d", number), "\(number)\n")
            end = try #require(cut(input).end)
            try input.commit(through: end)
        }
        #expect(fixture.logEntries == (20 ... 25).map(String.init))
        #expect(try DirectoryFilesLog(directory: fixture.log).read.count == 25)
    }

    @Test func aCutNeitherLoggedNorInTheHistoryIsRefusedByName() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = try fixture.input()
        var ends: [SourceOffset] = []
        for number in 1 ... 4 {
            try fixture.watched.moveIn("file-\(number)", "\(number)\n")
            ends.append(try #require(cut(input).end))
            try input.commit(through: ends.last!)
        }
        try FileManager.default.removeItem(atPath: fixture.log + "/2")
        #expect(throws: CheckpointError.corrupt(path: fixture.log + "/2", reason: "missing: the files read by cut 2 are named neither in this "
            + "files log nor in the checkpoint's offsets, so they would be read again; restore the file, or use a new checkpoint location to start over")) {
            try fixture.input(after: ends[3], history: Array(ends[2...]))
        }
        let restarted = try fixture.input(after: ends[3], history: Array(ends[1...]))
        #expect(lines(cut(restarted)).isEmpty, "with the offsets of cut 2 still there, nothing is read again")
    }

    @Test func aCommitBeforeResumeWritesNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let input = DirectoryInput(directory: fixture.watched.path, decoder: TextLineDecoder())
        try input.start()
        try fixture.watched.moveIn("a", "a1\n")
        try input.commit(through: try #require(cut(input).end))
        #expect(fixture.logEntries.isEmpty)
    }
}
