import Testing
@testable import SluiceOrders

@Suite struct OrderGeneratorTests {
    @Test func sameSeedGivesTheSameBytes() {
        let configuration = OrderGenerator.Configuration(count: 20_000, seed: 42, malformedFraction: 0.01)
        #expect(OrderGenerator.generate(configuration).text == OrderGenerator.generate(configuration).text)
    }

    @Test func differentSeedsGiveDifferentBytes() {
        let first = OrderGenerator.generate(.init(count: 1_000, seed: 1)).text
        let second = OrderGenerator.generate(.init(count: 1_000, seed: 2)).text
        #expect(first != second)
    }

    /// Pins the generator's output: a change here changes every stored run, so make it on purpose only.
    /// The lines and the FNV-1a hash of the whole 10,000-line text were also obtained from an independent
    /// implementation of the documented algorithm (SplitMix64, xoshiro256**, Lemire draws, integer Zipf weights).
    @Test func keepsItsOutputForTheDefaultSeed() {
        let text = OrderGenerator.generate(.init(count: 10_000)).text
        let lines = text.split(separator: UInt8(ascii: "\n")).prefix(3).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines == [
            "2016-03-22 20:25:00,1,95,WLL,990,5.3,B",
            "2016-03-22 20:25:02,2,56,AAPL,729,66.18,B",
            "2016-03-22 20:25:04,3,54,F,883,60.43,S",
        ])
        #expect(fnv1a(text) == 3_055_495_812_652_662_256)
    }

    @Test func numbersOrdersOneToNInFileOrder() {
        let orders = OrderGenerator.generate(.init(count: 5_000)).orders
        #expect(orders.map(\.orderId) == Array(1...5_000))
    }

    @Test func makesNothingForZeroOrders() {
        let generated = OrderGenerator.generate(.init(count: 0))
        #expect(generated.text.isEmpty && generated.orders.isEmpty && generated.malformedLines.isEmpty)
    }

    @Test func everyWellFormedLineReadsBackAsItsOrder() throws {
        let generated = OrderGenerator.generate(.init(count: 5_000, seed: 9))
        let lines = generated.text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == generated.orders.count)
        for (line, order) in zip(lines, generated.orders) {
            #expect(try Order(lineBytes: line.span) == order)
        }
    }

    @Test func reportsProblemsOfAConfiguration() {
        let configuration = OrderGenerator.Configuration(
            count: -1, clientCount: 0, symbols: ["A,B"], startTime: 1, lateFraction: 2,
            maximumLateness: .zero, malformedFraction: -0.5
        )
        #expect(configuration.problems.count == 7)
        #expect(OrderGenerator.Configuration().problems.isEmpty)
    }

    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }
}
