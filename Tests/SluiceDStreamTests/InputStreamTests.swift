import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

@Suite struct InputStreamTests {
    @Test func producerStreamTakesWhatProducersSentBeforeEachBatch() throws {
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 2)
        let (stream, channel) = context.producerStream(name: "numbers", capacityPerProducer: 128) as (DStream<Int>, IngestChannel<[Int]>)
        let collected = Collected<Int>()
        stream.map { $0 * 2 }.foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        try context.start(driving: .caller)
        let producer = try channel.makeProducer()
        let sender = Thread {
            for chunk in 0 ..< 100 { _ = try? producer.send(Array(chunk * 10 ..< chunk * 10 + 10)) }
            producer.finish()
        }
        sender.start()
        #expect(channel.waitForRows(atLeast: 1001, timeout: .seconds(30)) == .finished(rowsAvailable: 1000))
        clock.advance(by: .seconds(2))
        try context.runDueBatches()
        context.stop()
        let batches = collected.batches
        #expect(batches.count == 2 && batches[1].isEmpty)
        #expect(batches.first == Array(0 ..< 1000).map { $0 * 2 }, "every row once, in the producer's order")
    }

    @Test func socketTextStreamCountsWordsLikeTheLecture() throws {
        let server = try TCPSocket.Listener()
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 2)
        let lines = context.socketTextStream(host: "127.0.0.1", port: server.port)
        let collected = Collected<(String, Int)>()
        lines.flatMap { $0.split(separator: " ").map(String.init) }.map { ($0, 1) }.reduceByKey(+)
            .foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        try context.start(driving: .caller)
        let client = try server.accept()
        try client.send(Array("test word test\nagain words\n".utf8))
        let input = try #require(context.graph.inputs.first as? SocketInput)
        #expect(input.waitForRows(atLeast: 2, timeout: .seconds(30)) == .rowsAvailable(2))
        clock.advance(by: .seconds(1))
        try context.runDueBatches()
        context.stop()
        #expect(equal(collected.batches, [[("test", 2), ("word", 1), ("again", 1), ("words", 1)]]))
    }

    @Test func textFileStreamReadsNewFiles() throws {
        let folder = temporaryDirectory("text-file-stream")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1)
        let collected = Collected<String>()
        context.textFileStream(directory: folder).foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        try context.start(driving: .caller)
        try Data("x\ny\n".utf8).write(to: URL(fileURLWithPath: folder + "/.part"))
        try FileManager.default.moveItem(atPath: folder + "/.part", toPath: folder + "/part")
        clock.advance(by: .seconds(2))
        try context.runDueBatches()
        context.stop()
        #expect(collected.batches == [["x", "y"], []])
    }
}
