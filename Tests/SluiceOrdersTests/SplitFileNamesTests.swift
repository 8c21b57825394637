import Testing
@testable import SluiceOrders

@Suite struct SplitFileNamesTests {
    /// The names GNU coreutils 9.1 `split -l 1` gives its 1st, 2nd, 650th, 651st, 17,550th and 17,551st pieces.
    @Test(arguments: [
        (0, "aa"), (1, "ab"), (25, "az"), (26, "ba"), (649, "yz"), (650, "zaaa"), (651, "zaab"),
        (17_549, "zyzz"), (17_550, "zzaaaa"),
    ])
    func namesPiecesLikeGNUSplit(index: Int, suffix: String) {
        #expect(SplitFileNames.suffix(index: index) == suffix)
    }

    @Test func namesSortInTheOrderPiecesAreMade() {
        let names = (0..<20_000).map(SplitFileNames.suffix(index:))
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
    }
}
