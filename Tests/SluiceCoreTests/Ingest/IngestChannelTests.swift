import Testing
@testable import SluiceCore

@Suite struct IngestChannelTests {
    @Test func deliversOneProducersChunksInOrder() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 4)
        let producer = try channel.makeProducer()
        for chunk in [[1, 2], [3], [4, 5, 6]] { try producer.send(chunk) }
        #expect(channel.drainAll() == [[1, 2], [3], [4, 5, 6]])
        #expect(channel.drainAll() == [])
    }

    @Test func drainsProducerByProducerInRegistrationOrder() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 4)
        let first = try channel.makeProducer()
        let second = try channel.makeProducer()
        try second.send([20])
        try first.send([10])
        try second.send([21])
        var chunks: [[Int]] = [[0]]
        #expect(channel.drain(into: &chunks) == 3)
        #expect(chunks == [[0], [10], [20], [21]])
    }

    @Test func tryReceiveTakesTurnsAcrossProducers() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 4)
        let first = try channel.makeProducer()
        let second = try channel.makeProducer()
        for value in [10, 11, 12] { try first.send([value]) }
        for value in [20, 21] { try second.send([value]) }
        var received: [[Int]] = []
        while let chunk = channel.tryReceive() { received.append(chunk) }
        #expect(received == [[10], [20], [11], [21], [12]])
    }

    @Test func namesProducersByRegistrationNumberUnlessNamed() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        #expect(try channel.makeProducer().name == "producer-0")
        #expect(try channel.makeProducer(named: "socket").name == "socket")
        #expect(try channel.makeProducer().name == "producer-2")
    }

    @Test func handlesEveryConsumerCallWithoutProducers() {
        let channel = IngestChannel<[Int]>(name: "orders")
        #expect(channel.tryReceive() == nil)
        #expect(channel.drainAll() == [])
        #expect(!channel.isFinished)
        channel.recycle([1])
        var spent = [[2], [3]]
        channel.recycleAll(&spent)
        #expect(spent.isEmpty)
        #expect(channel.metrics == IngestMetrics())
        channel.close()
        #expect(channel.isFinished)
        #expect(channel.tryReceive() == nil)
        #expect(channel.drainAll() == [])
        #expect(channel.waitForRows(atLeast: 1, timeout: .seconds(10)) == .finished(rowsAvailable: 0))
    }
}
