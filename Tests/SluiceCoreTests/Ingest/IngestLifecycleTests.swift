import Testing
@testable import SluiceCore

@Suite struct IngestLifecycleTests {
    @Test func finishesOnceEveryProducerFinishedAndAllIsTaken() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 2)
        #expect(!channel.isFinished, "no producer yet: one may still register")
        let first = try channel.makeProducer()
        let second = try channel.makeProducer()
        try first.send([1])
        first.finish()
        #expect(!channel.isFinished, "second producer still open")
        second.finish()
        #expect(!channel.isFinished, "a chunk is still waiting")
        #expect(channel.drainAll() == [[1]])
        #expect(channel.isFinished)
        let late = try channel.makeProducer()
        #expect(!channel.isFinished, "a producer that registers later reopens the channel")
        late.finish()
        #expect(channel.isFinished)
    }

    @Test func releasingTheLastReferenceToAHandleFinishesIt() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        do {
            let producer = try channel.makeProducer()
            try producer.send([1])
        }
        #expect(channel.drainAll() == [[1]])
        #expect(channel.isFinished)
    }

    @Test func refusesSendsAfterTheProducerFinished() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        let producer = try channel.makeProducer(named: "socket-1")
        producer.finish()
        producer.finish()
        #expect(throws: IngestError.producerFinished(channel: "orders", producer: "socket-1")) {
            try producer.send([1])
        }
        #expect(
            IngestError.producerFinished(channel: "orders", producer: "socket-1").description
                == "ingest channel 'orders', producer 'socket-1': the producer has finished; it cannot send again"
        )
        #expect(producer.recycledChunk() == nil)
        #expect(channel.metrics == IngestMetrics())
    }

    @Test func closeRefusesSendsAndRegistrationsButKeepsWhatWasSent() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        let producer = try channel.makeProducer(named: "socket-1")
        try producer.send([1, 2])
        channel.close()
        #expect(throws: IngestError.channelClosed(channel: "orders", producer: "socket-1")) {
            try producer.send([3])
        }
        #expect(throws: IngestError.channelClosed(channel: "orders", producer: "late")) {
            try channel.makeProducer(named: "late")
        }
        #expect(
            IngestError.channelClosed(channel: "orders", producer: "socket-1").description
                == "ingest channel 'orders', producer 'socket-1': the channel is closed; "
                + "nothing more can be registered or sent"
        )
        #expect(!channel.isFinished, "a chunk is still waiting")
        #expect(channel.drainAll() == [[1, 2]])
        #expect(channel.isFinished)
        channel.close()
        #expect(channel.isFinished)
    }

    @Test func closeStopsAProducerWaitingForRoom() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 1)
        let producer = try channel.makeProducer(named: "socket-1")
        let sender = ThreadGroup(count: 1, name: "sender") { _ in
            Result { () throws(IngestError) in
                try producer.send([1])
                try producer.send([2])
            }
        }
        #expect(waitUntil { channel.metrics.waits == 1 })
        channel.close()
        let outcome = sender.join()[0]
        #expect(throws: IngestError.channelClosed(channel: "orders", producer: "socket-1")) { try outcome.get() }
        #expect(channel.drainAll() == [[1]])
        #expect(channel.isFinished)
    }

    @Test func refusesASecondThreadOnABusyHandle() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 1)
        let producer = try channel.makeProducer(named: "socket-1")
        try producer.send([1])
        let sender = ThreadGroup(count: 1, name: "sender") { _ in
            Result { () throws(IngestError) in try producer.send([2]) }
        }
        #expect(waitUntil { channel.metrics.waits == 1 }, "the sender waits for room, inside its call")
        #expect(throws: IngestError.producerInUse(channel: "orders", producer: "socket-1")) {
            try producer.send([3])
        }
        #expect(producer.recycledChunk() == nil)
        #expect(channel.drainAll() == [[1]])
        #expect(try sender.join()[0].get() == .enqueued)
        #expect(channel.drainAll() == [[2]])
    }
}
