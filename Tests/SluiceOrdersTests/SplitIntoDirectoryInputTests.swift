import SluiceCore
import Testing
@testable import SluiceOrders

/// The lecture's pipeline end to end: generated orders, split into a watched directory, read back by a
/// `DirectoryInput` with `OrderParser` at every pause: each cut takes exactly the piece delivered since.
@Suite struct SplitIntoDirectoryInputTests {
    @Test func everyOrderArrivesOnceAndWhole() throws {
        let generated = OrderGenerator.generate(.init(count: 5_000, seed: 15, malformedFraction: 0.01))
        try TemporaryDirectory.with { directory in
            try directory.write(generated.text, to: "orders.txt")
            let watched = try directory.makeDirectory("input")
            let input = DirectoryInput(directory: watched, decoder: OrderParser())
            try input.start()
            var received: [Order] = []
            var malformed = 0
            var batch = BatchID(0)
            func cut() {
                let slice = input.cut(for: batch, at: Timestamp(microseconds: batch.rawValue * 3_000_000))
                #expect(slice.chunks.count == 1, "batch \(batch)")
                received += slice.chunks.flatMap(Order.orders(in:))
                malformed += slice.malformedRecords
                batch = batch.next
            }
            let splitter = OrderSplitter(.init(linesPerFile: 1_000, pace: .seconds(3))) { _ in cut() }
            try splitter.split(inputAt: directory.file("orders.txt"), into: watched)
            cut()
            #expect(received == generated.orders)
            #expect(malformed == generated.malformedLines.count)
            #expect(batch == BatchID(5))
        }
    }
}
