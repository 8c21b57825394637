import Testing
@testable import SluiceCore

@Suite struct IngestWaitForRowsTests {
    @Test func returnsAtOnceWhenEnoughRowsAreWaiting() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        let producer = try channel.makeProducer()
        try producer.send([1, 2])
        try producer.send([3])
        #expect(channel.waitForRows(atLeast: 3, timeout: .zero) == .rowsAvailable(3))
        #expect(channel.tryReceive() == [1, 2])
        #expect(channel.waitForRows(atLeast: 1, timeout: .zero) == .rowsAvailable(1))
    }

    @Test func returnsWhenNoMoreRowsCanArrive() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        let producer = try channel.makeProducer()
        try producer.send([1, 2])
        producer.finish()
        #expect(channel.waitForRows(atLeast: 5, timeout: .seconds(10)) == .finished(rowsAvailable: 2))
    }

    @Test func givesUpAtTheDeadline() throws {
        let channel = IngestChannel<[Int]>(name: "orders")
        let producer = try channel.makeProducer()
        try producer.send([1])
        #expect(channel.waitForRows(atLeast: 2, timeout: .milliseconds(20)) == .deadlineReached(rowsAvailable: 1))
    }

    @Test func wakesWhenAnotherThreadSendsTheRows() throws {
        let channel = IngestChannel<[Int]>(name: "orders", capacityPerProducer: 8)
        let producer = try channel.makeProducer()
        let sender = ThreadGroup(count: 1, name: "sender") { _ in
            Result { () throws(IngestError) in
                for start in stride(from: 0, to: 1_000, by: 250) { try producer.send(Array(start..<(start + 250))) }
            }
        }
        #expect(channel.waitForRows(atLeast: 1_000, timeout: .seconds(10)) == .rowsAvailable(1_000))
        #expect(throws: Never.self) { try sender.join()[0].get() }
        #expect(channel.drainAll().joined().elementsEqual(0..<1_000))
    }
}
