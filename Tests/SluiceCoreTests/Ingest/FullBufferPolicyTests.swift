import Testing
@testable import SluiceCore

@Suite struct IngestFullBufferPolicyTests {
    @Test func dropDiscardsAndCountsTheChunk() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 2, fullBufferPolicy: .drop)
        let producer = try channel.makeProducer()
        #expect(try producer.send([1]) == .enqueued)
        #expect(try producer.send([2, 3]) == .enqueued)
        #expect(try producer.send([4, 5, 6]) == .dropped)
        #expect(try producer.send([7]) == .dropped)
        #expect(channel.metrics.chunksDropped == 2)
        #expect(channel.metrics.rowsDropped == 4)
        #expect(channel.drainAll() == [[1], [2, 3]])
        #expect(try producer.send([8]) == .enqueued)
        #expect(channel.drainAll() == [[8]])
    }

    @Test func failThrowsAnErrorNamingTheRingAndItsCapacity() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 1, fullBufferPolicy: .fail)
        let producer = try channel.makeProducer(named: "socket-1")
        try producer.send([1])
        let full = IngestError.ringFull(channel: "orders", producer: "socket-1", capacity: 1)
        #expect(throws: full) { try producer.send([2]) }
        #expect(
            full.description == "ingest channel 'orders', producer 'socket-1': ring full (capacity 1 chunks) "
                + "and the full-buffer policy is .fail; the chunk was not sent"
        )
        #expect(channel.drainAll() == [[1]])
        try producer.send([3])
        #expect(channel.drainAll() == [[3]])
        #expect(
            channel.metrics == IngestMetrics(chunksEnqueued: 2, rowsEnqueued: 2, chunksDequeued: 2, rowsDequeued: 2)
        )
    }

    @Test func waitBlocksTheSenderUntilTheConsumerMakesRoom() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 1)
        #expect(channel.fullBufferPolicy == .wait)
        let producer = try channel.makeProducer()
        let sender = ThreadGroup(count: 1, name: "sender") { _ in
            Result { () throws(IngestError) in
                try producer.send([1])
                try producer.send([2])
                producer.finish()
            }
        }
        #expect(waitUntil { channel.metrics.waits == 1 })
        #expect(channel.drainAll() == [[1]])
        #expect(channel.waitForRows(atLeast: 1, timeout: .seconds(10)) == .rowsAvailable(1))
        #expect(channel.drainAll() == [[2]])
        #expect(throws: Never.self) { try sender.join()[0].get() }
        #expect(channel.isFinished)
        #expect(channel.metrics.waits == 1)
    }

    @Test func describesEachPolicy() {
        #expect([FullBufferPolicy.wait, .drop, .fail].map(\.description) == [".wait", ".drop", ".fail"])
    }
}
