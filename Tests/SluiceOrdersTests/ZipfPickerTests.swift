import Testing
@testable import SluiceOrders

@Suite struct ZipfPickerTests {
    @Test func picksRanksInProportionToOneOverRank() {
        let picker = ZipfPicker(count: 10)
        var random = Xoshiro256StarStar(seed: 3)
        var counts = [Int](repeating: 0, count: 10)
        let draws = 200_000
        for _ in 0..<draws {
            counts[picker.pick(using: &random)] += 1
        }
        let harmonic = (1...10).reduce(0.0) { $0 + 1 / Double($1) }
        for rank in 0..<10 {
            let expected = Double(draws) / (Double(rank + 1) * harmonic)
            #expect(abs(Double(counts[rank]) - expected) < expected * 0.05, "rank \(rank): \(counts[rank]) vs \(expected)")
        }
    }

    @Test func alwaysPicksTheOnlyRank() {
        var random = Xoshiro256StarStar(seed: 1)
        #expect(ZipfPicker(count: 1).pick(using: &random) == 0)
    }
}
