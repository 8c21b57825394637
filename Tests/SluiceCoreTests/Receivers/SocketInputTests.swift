import Foundation
import Testing
@testable import SluiceCore

@Suite struct SocketInputTests {
    func cut(_ input: SocketInput) -> (lines: [String], slice: InputSlice) {
        let slice = input.cut(for: BatchID(0), at: Timestamp(microseconds: 0))
        return (slice.chunks.flatMap(\.rows).map { $0[0].description }, slice)
    }

    @Test func receivesLinesFromALoopbackServerLikeNetcat() throws {
        let server = try TCPSocket.Listener()
        let input = SocketInput(host: "127.0.0.1", port: server.port, reconnectDelay: .milliseconds(10))
        try input.start()
        defer { input.stop() }
        let client = try server.accept()
        try client.send(Array("some text\nsome more text\r\neven ".utf8))
        #expect(input.waitForRows(atLeast: 2, timeout: .seconds(30)) == .rowsAvailable(2))
        try client.send(Array("more words\n".utf8))
        #expect(input.waitForRows(atLeast: 3, timeout: .seconds(30)) == .rowsAvailable(3))
        #expect(cut(input).lines == ["some text", "some more text", "even more words"])
        #expect(input.metrics.rowsEnqueued == 3)
    }

    @Test func aConnectionClosedMidLineDeliversThePartialLineAndReconnects() throws {
        let server = try TCPSocket.Listener()
        let input = SocketInput(host: "127.0.0.1", port: server.port, reconnectDelay: .milliseconds(10))
        try input.start()
        defer { input.stop() }
        let first = try server.accept()
        try first.send(Array("whole\nhalf a li".utf8))
        first.shutdown()
        let second = try server.accept()
        try second.send(Array("after\n".utf8))
        #expect(input.waitForRows(atLeast: 3, timeout: .seconds(30)) == .rowsAvailable(3))
        let (lines, slice) = cut(input)
        #expect(lines == ["whole", "half a li", "after"])
        let messages = slice.problems.map(\.description)
        #expect(messages.contains("127.0.0.1:\(server.port) line 2: connection closed mid-line; the partial last line (9 bytes) was delivered"))
        #expect(messages.contains { $0.hasPrefix("127.0.0.1:\(server.port): connection closed by the server; reconnecting") })
    }

    @Test func aRefusedConnectionIsReportedAndRetried() throws {
        let port: Int
        do {
            let probe = try TCPSocket.Listener()
            port = probe.port
        }
        let input = SocketInput(host: "127.0.0.1", port: port, reconnectDelay: .milliseconds(5))
        try input.start()
        var problems: [InputProblem] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while problems.count < 2 && ContinuousClock.now < deadline { problems += cut(input).slice.problems }
        input.stop()
        #expect(problems.count >= 2, "the receiver retries after each refusal")
        #expect(problems.allSatisfy { $0.description.hasPrefix("127.0.0.1:\(port): connect failed: Connection refused; retrying in") })
    }

    @Test func overLongLinesAreSkippedAndCountedWithoutLosingTheRest() throws {
        let server = try TCPSocket.Listener()
        let input = SocketInput(host: "127.0.0.1", port: server.port, readSize: 8, maximumLineBytes: 16)
        try input.start()
        defer { input.stop() }
        let client = try server.accept()
        try client.send(Array("short\n".utf8) + [UInt8](repeating: 120, count: 40) + Array("\nnext\n".utf8))
        #expect(input.waitForRows(atLeast: 2, timeout: .seconds(30)) == .rowsAvailable(2))
        let (lines, slice) = cut(input)
        #expect(lines == ["short", "next"])
        #expect(slice.malformedRecords == 1)
        #expect(slice.problems.first?.line == 2)
    }
}
