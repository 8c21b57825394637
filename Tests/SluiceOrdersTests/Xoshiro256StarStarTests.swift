import Testing
@testable import SluiceOrders

@Suite struct Xoshiro256StarStarTests {
    /// Reference values from an independent implementation of SplitMix64 seeding and xoshiro256**.
    @Test(arguments: [
        (UInt64(0), [UInt64(0x99EC_5F36_CB75_F2B4), 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0]),
        (UInt64(20_160_322), [UInt64(0xF2FF_F675_54CF_CDC1), 0xC7C0_9A39_5C56_6D78, 0xFD65_80D4_8112_D441]),
    ])
    func matchesTheReferenceSequence(seed: UInt64, expected: [UInt64]) {
        var random = Xoshiro256StarStar(seed: seed)
        #expect((0..<3).map { _ in random.next() } == expected)
    }

    @Test func drawsBoundedValuesCoveringTheWholeRange() {
        var random = Xoshiro256StarStar(seed: 7)
        var seen = Set<Int64>()
        for _ in 0..<10_000 {
            let value = random.next(in: -3...3)
            #expect((-3...3).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        let single = random.next(in: 5...5)
        #expect(single == 5)
        let whole = (0..<100).map { _ in random.next(in: Int64.min...Int64.max) }
        #expect(whole.contains { $0 < 0 } && whole.contains { $0 > 0 })
    }

    @Test func drawsTrueAtTheGivenProbability() {
        var random = Xoshiro256StarStar(seed: 11)
        let trues = (0..<100_000).count { _ in random.nextIsTrue(probability: 0.3) }
        #expect((29_000...31_000).contains(trues))
        let never = (0..<1_000).contains { _ in random.nextIsTrue(probability: 0) }
        let always = (0..<1_000).allSatisfy { _ in random.nextIsTrue(probability: 1) }
        #expect(!never && always)
    }
}
