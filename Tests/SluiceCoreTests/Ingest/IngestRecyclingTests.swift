import Testing
@testable import SluiceCore

@Suite struct IngestRecyclingTests {
    @Test func aRecycledChunkReturnsToTheProducerWithItsStorage() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 2)
        let producer = try channel.makeProducer()
        #expect(producer.recycledChunk() == nil)
        var chunk: [Int] = []
        chunk.reserveCapacity(1_000)
        chunk.append(contentsOf: [1, 2, 3])
        let storage = chunk.withUnsafeBufferPointer { $0.baseAddress }
        try producer.send(chunk)
        chunk = []
        var pending: [[Int]] = []
        channel.drain(into: &pending)
        channel.recycleAll(&pending)
        #expect(pending.isEmpty)
        #expect(pending.capacity >= 1)
        var reused = try #require(producer.recycledChunk())
        #expect(reused == [1, 2, 3], "as the consumer left it")
        reused.removeAll(keepingCapacity: true)
        reused.append(4)
        #expect(reused.withUnsafeBufferPointer { $0.baseAddress } == storage, "no copy, no new allocation")
        #expect(producer.recycledChunk() == nil)
    }

    @Test func spreadsSpentChunksOverOpenProducersInTurn() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 3)
        let first = try channel.makeProducer()
        let finished = try channel.makeProducer()
        let third = try channel.makeProducer()
        finished.finish()
        for value in 1...5 { channel.recycle([value]) }
        #expect(first.recycledChunk() == [1])
        #expect(third.recycledChunk() == [2])
        #expect(first.recycledChunk() == [3])
        #expect(third.recycledChunk() == [4])
        #expect(first.recycledChunk() == [5])
        #expect(finished.recycledChunk() == nil)
    }

    @Test func releasesWhatNoProducerHasRoomFor() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 1)
        let producer = try channel.makeProducer()
        var spent = [[1], [2], [3]]
        channel.recycleAll(&spent)
        #expect(producer.recycledChunk() == [3], "recycleAll takes from the end")
        #expect(producer.recycledChunk() == nil)
    }
}
