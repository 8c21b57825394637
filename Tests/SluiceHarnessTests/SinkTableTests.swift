import Testing
@testable import SluiceHarness

@Suite struct SinkTableTests {
    @Test func normalizesBooleansAndTimestampsStoredDifferently() throws {
        var asIntegers = SinkTable(layout: WindowedCountsReference.layout)
        try asIntegers.upsert(["buy": .int(1), "window.start": .int(1_458_676_800_000_000), "window.end": .int(1_458_680_400_000_000), "count": .int(3)])
        var asText = SinkTable(layout: WindowedCountsReference.layout)
        try asText.upsert(["buy": .bool(true), "window.start": .string("2016-03-22 20:00:00"), "window.end": .string("2016-03-22 21:00:00.000000"), "count": .double(3)])
        #expect(asIntegers == asText)
        #expect(asText.rows.keys.first?.description == "(buy=true, window.start=2016-03-22 20:00:00, window.end=2016-03-22 21:00:00)")
    }

    @Test func ignoresColumnsOutsideTheLayout() throws {
        var table = SinkTable(layout: CountBuysReference.layout)
        try table.upsert(["buy": .bool(false), "count": .int(2), "batch_id": .int(7)])
        #expect(table.rows.values.first == ["count": .int(2)])
    }

    @Test func namesAMissingKeyColumn() {
        var table = SinkTable(layout: CountBuysReference.layout)
        #expect(throws: SinkRowProblem(row: ["count": .int(2)], missingColumn: "buy")) { try table.upsert(["count": .int(2)]) }
        #expect(SinkRowProblem(row: ["count": .int(2)], missingColumn: "buy").description == "a sink row has no key column 'buy' (its columns: count)")
    }

    @Test func upsertsByKey() throws {
        var table = SinkTable(layout: CountBuysReference.layout)
        try table.apply(batchRows: [["buy": .bool(true), "count": .int(1)], ["buy": .bool(false), "count": .int(1)]])
        try table.apply(batchRows: [["buy": .bool(true), "count": .int(5)]])
        #expect(table.rows.count == 2)
        #expect(table.rows[table.key([.bool(true)])] == ["count": .int(5)])
    }

    @Test func differenceCountsLostDuplicatedAndUnexpected() throws {
        var expected = SinkTable(layout: WindowedCountsReference.layout)
        var found = expected
        func row(_ buy: Bool, _ start: Int64, _ count: Int64) -> [String: JSONScalar] {
            ["buy": .bool(buy), "window.start": .int(start), "window.end": .int(start + 3_600_000_000), "count": .int(count)]
        }
        for values in [row(true, 0, 10), row(false, 0, 10), row(true, 300_000_000, 4)] { try expected.upsert(values) }
        for values in [row(true, 0, 13), row(false, 0, 8), row(false, 600_000_000, 2)] { try found.upsert(values) }
        let difference = SinkTableDifference(expected: expected, found: found)
        #expect(difference.mismatches.count == 4)
        #expect(difference.lost == 2 + 4 && difference.duplicated == 3 && difference.unexpected == 2)
        #expect(difference.mismatches.map(\.key) == difference.mismatches.map(\.key).sorted())
    }
}
