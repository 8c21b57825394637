import ArgumentParser
import SluiceOrders
import Testing
@testable import SluiceHarness

@Suite struct DemoCommandTests {
    @Test func rejectsBadOptionsNamingThem() {
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--count", "0"]) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--malformed", "1.5"]) }
        let message = DemoCommand.message(for: ValidationError("--lines must be at least 1, got 0"))
        #expect(message.contains("--lines"))
    }

    @Test func countsWhatTheReferenceCounts() throws {
        let demo = try DemoCommand.parse(["--count", "2000", "--lines", "500", "--seed", "9"])
        let totals = try demo.countBuys()
        let generated = OrderGenerator.generate(.init(count: 2000, seed: 9, malformedFraction: 0.001))
        #expect(totals.counts == OrderReference.buySellCounts(generated.orders))
        #expect(totals.batches.count == 4)
        #expect(totals.batches.records == generated.orders.count)
        #expect(totals.batches.malformed == generated.malformedLines.count)
    }
}
