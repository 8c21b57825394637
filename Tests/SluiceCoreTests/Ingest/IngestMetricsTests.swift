import Testing
@testable import SluiceCore

@Suite struct IngestMetricsTests {
    @Test func countsChunksAndRowsPerProducerAndInTotal() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 4)
        let first = try channel.makeProducer()
        let second = try channel.makeProducer()
        try first.send([1, 2, 3])
        try first.send([4])
        try second.send([5, 6])
        #expect(first.metrics == IngestMetrics(chunksEnqueued: 2, rowsEnqueued: 4))
        #expect(channel.tryReceive() == [1, 2, 3])
        #expect(first.metrics == IngestMetrics(chunksEnqueued: 2, rowsEnqueued: 4, chunksDequeued: 1, rowsDequeued: 3))
        #expect(channel.metrics.chunksBuffered == 2)
        #expect(channel.metrics.rowsBuffered == 3)
        _ = channel.drainAll()
        #expect(channel.metrics == first.metrics + second.metrics)
        #expect(
            channel.metrics
                == IngestMetrics(chunksEnqueued: 3, rowsEnqueued: 6, chunksDequeued: 3, rowsDequeued: 6)
        )
    }

    @Test func describesItselfInWords() {
        let metrics = IngestMetrics(
            chunksEnqueued: 3, rowsEnqueued: 30, chunksDequeued: 2, rowsDequeued: 20,
            chunksDropped: 1, rowsDropped: 10, waits: 4
        )
        #expect(
            metrics.description
                == "enqueued 3 chunks (30 rows), dequeued 2 chunks (20 rows), dropped 1 chunks (10 rows), waits 4"
        )
    }
}
