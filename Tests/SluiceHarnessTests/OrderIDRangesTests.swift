import Testing
@testable import SluiceHarness

@Suite struct OrderIDRangesTests {
    @Test func printsRangesCompactly() {
        #expect(OrderIDRanges([1 ... 4096, 5001 ... 5001]).description == "1..4096, 5001")
        #expect(OrderIDRanges().description == "none")
        #expect(OrderIDRanges(ids: [7, 3, 4, 5, 9, 8]).description == "3..5, 7..9")
    }

    @Test func shortensLongLists() {
        let ranges = OrderIDRanges(ids: stride(from: 1, through: 39, by: 2))
        #expect(ranges.description == "1, 3, 5, 7, 9, 11, 13, …, 39 (20 ranges)")
    }

    @Test func mergesOverlappingAndTouchingRanges() {
        let ranges = OrderIDRanges([10 ... 20, 1 ... 5, 6 ... 8, 15 ... 30])
        #expect(ranges.ranges == [1 ... 8, 10 ... 30])
        #expect(ranges.count == 29)
        #expect(ranges.last == 30)
    }

    @Test func subtractsAndCompares() {
        let all = OrderIDRanges([1 ... 100])
        let some = OrderIDRanges([10 ... 20, 50 ... 60, 100 ... 120])
        #expect(all.subtracting(some).ranges == [1 ... 9, 21 ... 49, 61 ... 99])
        #expect(some.subtracting(all).ranges == [101 ... 120])
        #expect(all.isSuperset(of: OrderIDRanges([5 ... 6, 99 ... 100])))
        #expect(!all.isSuperset(of: some))
        #expect(all.union(some).ranges == [1 ... 120])
    }

    @Test(arguments: [(0, false), (1, true), (9, true), (10, false), (20, true), (25, false)] as [(Int64, Bool)])
    func findsMembers(id: Int64, isMember: Bool) {
        #expect(OrderIDRanges([1 ... 9, 20 ... 24]).contains(id) == isMember)
    }
}
