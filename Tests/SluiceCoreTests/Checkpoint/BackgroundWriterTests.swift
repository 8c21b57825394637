import Foundation
import Synchronization
import Testing
@testable import SluiceCore

@Suite struct BackgroundWriterTests {
    @Test func aNewerWriteReplacesAQueuedOneOfTheSameKey() throws {
        let writer = BackgroundWriter()
        let written = Mutex<[String]>([])
        let release = DispatchSemaphore(value: 0)
        try writer.submit("a") { release.wait(); written.withLock { $0.append("a1") } }
        try writer.submit("b") { written.withLock { $0.append("b1") } }
        try writer.submit("b") { written.withLock { $0.append("b2") } }
        release.signal()
        try writer.flush()
        let order = written.withLock { $0 }
        #expect(order.first == "a1" && order.last == "b2")
        #expect(!order.contains("b1") || order == ["a1", "b1", "b2"], "b1 is skipped unless it started before b2 arrived")
        try writer.close()
    }

    struct Failed: Error, Equatable {}

    @Test func aFailureIsRethrownByTheNextSubmitAndByFlush() throws {
        let writer = BackgroundWriter()
        try writer.submit("a") { throw Failed() }
        #expect(throws: Failed()) { try writer.flush() }
        #expect(throws: Failed()) { try writer.submit("a") {} }
        #expect(throws: Failed()) { try writer.close() }
    }

    @Test func durableWritesReplaceTheFileAndLeaveNoTemporaryName() throws {
        let folder = NSTemporaryDirectory() + "sluice-durable-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DurableFile.write(Array("one".utf8), to: folder + "/f")
        try DurableFile.write(Array("two".utf8), to: folder + "/f")
        #expect(try String(contentsOfFile: folder + "/f", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["f"])
        #expect(throws: DurableFileError.self) { try DurableFile.write([1], to: folder + "/missing/f") }
    }
}
