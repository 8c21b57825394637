import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct HistoryWriterReaderTests {
    private let events = HistorySamples.documented.map(\.entry.event) + HistorySamples.variants

    @Test(arguments: [HistoryWriter.Durability.writeEachLine, .fsyncEachLine])
    func readsBackWhatWasWritten(durability: HistoryWriter.Durability) throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let path = folder.path + "/history.jsonl"
        let writer = try HistoryWriter(creatingAt: path, durability: durability)
        var written: [HistoryEntry] = []
        for (index, event) in events.enumerated() { written.append(try writer.append(event, at: Int64(index) * 1000)) }
        try writer.close()

        #expect(written.map(\.sequence) == Array(1 ... Int64(events.count)))
        let read = try HistoryReader.readAll(at: path)
        #expect(read.entries == written)
        #expect(read.tornLastLine == nil)
    }

    @Test func stampsTimesThatNeverGoBack() throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let writer = try HistoryWriter(creatingAt: folder.path + "/history.jsonl", start: .now - .milliseconds(5))
        let entries = try (0 ..< 50).map { _ in try writer.append(.processExited(.init(pid: 1))) }
        #expect(entries.first!.time >= 5_000)
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.time <= $1.time && $0.sequence + 1 == $1.sequence })
    }

    @Test func numbersLinesFromManyThreadsInFileOrder() async throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let path = folder.path + "/history.jsonl"
        let writer = try HistoryWriter(creatingAt: path)
        await withTaskGroup(of: Void.self) { group in
            for pid in 0 ..< 4 {
                group.addTask { for _ in 0 ..< 250 { _ = try? writer.append(.processExited(.init(pid: Int32(pid)))) } }
            }
        }
        try writer.close()
        let entries = try HistoryReader.readAll(at: path).entries
        #expect(entries.map(\.sequence) == Array(1 ... 1000))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.time <= $1.time })
        let pids = entries.compactMap { entry -> Int32? in
            if case .processExited(let exit) = entry.event { exit.pid } else { nil }
        }
        #expect(Dictionary(grouping: pids) { $0 }.values.map(\.count) == [250, 250, 250, 250])
    }

    @Test func neverReplacesAnExistingHistory() throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        try folder.append("kept\n", to: "history.jsonl")
        let error = #expect(throws: HistoryError.self) { try HistoryWriter(creatingAt: folder.path + "/history.jsonl") }
        #expect(error?.description == "\(folder.path)/history.jsonl: cannot create: File exists")
    }

    @Test func refusesAppendsAfterClose() throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let writer = try HistoryWriter(creatingAt: folder.path + "/history.jsonl")
        try writer.close()
        let error = #expect(throws: HistoryError.self) { try writer.append(.processExited(.init(pid: 1)), at: 0) }
        #expect(error?.problem == "appended to after close")
    }

    @Test(arguments: [#"{"pid":1,"seq":3,"t":"#, #"{"pid":1,"seq":3,"t":9,"type":"processExited"}"#])
    func skipsAndReportsATornLastLine(tail: String) throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let path = folder.path + "/history.jsonl"
        let writer = try HistoryWriter(creatingAt: path)
        try writer.append(.processExited(.init(pid: 1)), at: 1)
        try writer.append(.processExited(.init(pid: 1)), at: 2)
        try writer.close()
        try folder.append(tail, to: "history.jsonl")

        let read = try HistoryReader.readAll(at: path)
        #expect(read.entries.map(\.sequence) == [1, 2])
        let torn = try #require(read.tornLastLine)
        #expect(torn == HistoryReader.TornLine(path: path, line: 3, byteCount: tail.utf8.count))
        #expect(torn.description == "\(path) line 3: torn last line (\(tail.utf8.count) bytes, no newline) skipped; the writer was stopped mid-line")
    }

    @Test(arguments: [
        ("{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n{\"pid\":1,\n", 2, "not a JSON object"),
        ("{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n\n", 2, "not a JSON object"),
        ("{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n{\"seq\":3,\"t\":0,\"type\":\"restarted\",\"pid\":2}\n", 2, "missing field 'downtimeMicroseconds'"),
        ("{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n", 2, "seq 2 does not follow seq 2"),
        ("{\"pid\":1,\"seq\":2,\"t\":0,\"type\":\"processExited\"}\n{\"pid\":1,\"seq\":1,\"t\":0,\"type\":\"processExited\"}\n", 2, "seq 1 does not follow seq 2"),
    ])
    func namesTheFileAndLineOfABadLine(text: String, line: Int, problem: String) throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        try folder.append(text, to: "history.jsonl")
        let path = folder.path + "/history.jsonl"
        let error = #expect(throws: HistoryError.self) { try HistoryReader.readAll(at: path) }
        #expect(error?.path == path && error?.line == line)
        #expect(error?.description.hasPrefix("\(path) line \(line): \(problem)") == true, "\(error?.description ?? "")")
    }

    @Test func streamsLinesAcrossReadChunks() throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        let path = folder.path + "/history.jsonl"
        let writer = try HistoryWriter(creatingAt: path)
        let samples = HistoryEvent.latency(.init(batch: BatchID(1), records: Array(1 ... 9000), latencyMicroseconds: Array(repeating: 123_456, count: 9000)))
        for index in 0 ..< 300 {
            try writer.append(index.isMultiple(of: 50) ? samples : .processExited(.init(pid: Int32(index))), at: Int64(index))
        }
        try writer.close()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 3 << 16)

        let reader = try HistoryReader(path: path)
        var count = 0
        try reader.forEach { entry in
            #expect(entry.sequence == Int64(count) + 1)
            #expect(entry.event == (count.isMultiple(of: 50) ? samples : .processExited(.init(pid: Int32(count)))))
            count += 1
        }
        #expect(count == 300 && reader.tornLastLine == nil)
    }

    @Test func readsAnEmptyHistory() throws {
        let folder = try TemporaryFolder("history")
        defer { folder.remove() }
        try folder.append("", to: "history.jsonl")
        let read = try HistoryReader.readAll(at: folder.path + "/history.jsonl")
        #expect(read.entries.isEmpty && read.tornLastLine == nil)
    }

    @Test func namesAMissingFile() {
        let error = #expect(throws: HistoryError.self) { try HistoryReader(path: "/nonexistent/history.jsonl") }
        #expect(error?.description == "/nonexistent/history.jsonl: cannot open for reading")
    }
}
