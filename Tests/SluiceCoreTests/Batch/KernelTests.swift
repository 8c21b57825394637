import Testing
@testable import SluiceCore

@Suite struct KernelTests {
    @Test(arguments: ComparisonOperator.allCases)
    func selectionMatchesAPlainFilter(comparison: ComparisonOperator) {
        let values: [Int64] = (0 ..< 200).map { Int64(($0 * 37) % 23) - 11 }
        let column = PrimitiveColumn(values)
        let expected = values.indices.filter { comparison.holds(values[$0], 3) }.map(Int32.init)
        #expect(Array(column.select(comparison, 3)) == expected)
        let candidates = SelectionVector(stride(from: 0, to: 200, by: 3).map(Int32.init))
        #expect(Array(column.select(comparison, 3, among: candidates)) == expected.filter { $0 % 3 == 0 })
    }

    @Test func nullsNeverMatch() {
        var builder = PrimitiveColumnBuilder<Double>()
        builder.append(1); builder.appendNull(); builder.append(3)
        let column = builder.finish()
        #expect(Array(column.select(.greaterOrEqual, 0)) == [0, 2])
        #expect(Array(column.select(.notEqual, 5)) == [0, 2])
    }

    @Test func stringEqualityComparesCodes() {
        let column = StringColumn(["EPE", "BP", "EPE", "Z"])
        #expect(Array(column.select(.equal, "EPE")) == [0, 2])
        #expect(Array(column.select(.notEqual, "EPE")) == [1, 3])
        #expect(Array(column.select(.equal, "absent")).isEmpty)
        #expect(Array(column.select(.notEqual, "absent")) == [0, 1, 2, 3])
    }

    @Test func booleanSelection() {
        #expect(Array(PrimitiveColumn([true, false, true]).selectTrue()) == [0, 2])
    }

    @Test(arguments: [0, 1, 15, 16, 17, 33, 1000])
    func doubleSumMatchesAPlainLoop(count: Int) {
        let values = (0 ..< count).map { Double($0) * 0.25 }
        #expect(PrimitiveColumn(values).sum() == values.reduce(0, +))
        #expect(PrimitiveColumn(values).slice(min(1, count) ..< count).sum() == values.dropFirst().reduce(0, +))
    }

    @Test func reductionsSkipNullsAndHonourSelections() {
        var builder = PrimitiveColumnBuilder<Int64>()
        for value: Int64? in [5, nil, -3, 9, nil] {
            if let value { builder.append(value) } else { builder.appendNull() }
        }
        let column = builder.finish()
        #expect(column.sum() == 11)
        #expect(column.min() == -3 && column.max() == 9)
        #expect(column.nonNullCount() == 3)
        let firstTwo = SelectionVector([0, 1])
        #expect(column.sum(among: firstTwo) == 5 && column.nonNullCount(among: firstTwo) == 1)
        #expect(PrimitiveColumn<Int64>([]).max() == nil)
        #expect(PrimitiveColumn<Int64>([Int64.max, 1]).sum() == Int64.min, "integer sums wrap like Spark's")
    }

    @Test func groupIndexNumbersKeysInOrderOfFirstAppearance() {
        var index = Int64GroupIndex()
        var groups = ContiguousArray<Int32>()
        let keys = (0 ..< 5000).map { Int64(($0 * 7919) % 1013) - 500 }
        index.assignGroups(ColumnBuffer(keys), into: &groups)
        #expect(index.count == 1013)
        for (row, key) in keys.enumerated() { #expect(index.keys[Int(groups[row])] == key) }
        #expect(index.existingGroup(of: keys[10]) == groups[10])
        #expect(index.existingGroup(of: 10_000) == nil)
    }

    @Test func groupedSumsAndCounts() {
        var index = Int64GroupIndex()
        var groups = ContiguousArray<Int32>()
        index.assignGroups(ColumnBuffer<Int64>([80, 70, 80, 53]), into: &groups)
        var sums = ContiguousArray<Double>()
        var counts = ContiguousArray<Int64>()
        var builder = PrimitiveColumnBuilder<Double>()
        builder.append(1.5); builder.append(2); builder.appendNull(); builder.append(4)
        GroupedAggregates.sum(builder.finish(), groups: groups, into: &sums)
        GroupedAggregates.count(groups: groups, into: &counts)
        #expect(Array(sums) == [1.5, 2, 4])
        #expect(Array(counts) == [2, 1, 1])
    }

    @Test func rowHashesCombineColumnsAndTreatNullsAlike() {
        let ids = ColumnVector.int64(PrimitiveColumn([1, 1, 2]))
        var builder = PrimitiveColumnBuilder<Double>()
        builder.appendNull(); builder.appendNull(); builder.append(0)
        let prices = ColumnVector.double(builder.finish())
        let hashes = RowHashes.compute([ids, prices])
        #expect(hashes[0] == hashes[1])
        #expect(hashes[0] != hashes[2])
        #expect(HashMixing.hash(0.0) == HashMixing.hash(-0.0))
    }
}
