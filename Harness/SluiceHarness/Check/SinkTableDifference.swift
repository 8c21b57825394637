/// Where a sink table departs from the reference answer: every key whose row differs, and the counts
/// of what is lost, duplicated and unexpected.
///
/// With a count column, a key whose count is below the reference's has lost the difference, one above
/// has counted the difference twice, a missing row has lost its whole count, and a row the reference
/// lacks is unexpected with its whole count. Without one, each missing row is one lost, and each row
/// the reference lacks or holds with other values is one unexpected.
public struct SinkTableDifference: Sendable, Equatable {
    /// One key whose row differs; a nil side means no row.
    public struct Mismatch: Sendable, Equatable {
        public var key: RowKey
        public var expected: [String: JSONScalar]?
        public var found: [String: JSONScalar]?
    }

    /// The differing keys, in key order.
    public private(set) var mismatches: [Mismatch] = []
    public private(set) var lost: Int64 = 0
    public private(set) var duplicated: Int64 = 0
    public private(set) var unexpected: Int64 = 0

    /// How `found` departs from `expected`; both must have the same layout.
    public init(expected: SinkTable, found: SinkTable) {
        precondition(expected.layout == found.layout, "comparing tables of different layouts")
        let countColumn = expected.layout.countColumn
        /// The row's count, a missing one counting as 0; nil without a count column.
        func count(_ values: [String: JSONScalar]) -> Int64? {
            countColumn.map { values[$0]?.numericValue.map { Int64($0) } ?? 0 }
        }
        for key in Set(expected.rows.keys).union(found.rows.keys).sorted() {
            let expectedValues = expected.rows[key]
            let foundValues = found.rows[key]
            guard expectedValues != foundValues else { continue }
            mismatches.append(Mismatch(key: key, expected: expectedValues, found: foundValues))
            switch (expectedValues, foundValues) {
            case (let wanted?, let got?):
                if let wantedCount = count(wanted), let gotCount = count(got), wantedCount != gotCount {
                    if gotCount > wantedCount { duplicated += gotCount - wantedCount } else { lost += wantedCount - gotCount }
                } else {
                    unexpected += 1
                }
            case (let wanted?, nil): lost += count(wanted) ?? 1
            case (nil, let got?): unexpected += count(got) ?? 1
            case (nil, nil): break
            }
        }
    }

    /// How many keys differ besides the first, in words: `1 more key differs`, `3 more keys differ`.
    public var othersDiffer: String {
        mismatches.count == 2 ? "1 more key differs" : "\(mismatches.count - 1) more keys differ"
    }

    /// Whether the tables hold the same rows.
    public var isEmpty: Bool { mismatches.isEmpty }

    /// The counts, with `recovered` as given.
    public func counts(recovered: Int64) -> HistoryEvent.CheckCounts {
        HistoryEvent.CheckCounts(lost: lost, duplicated: duplicated, unexpected: unexpected, recovered: recovered)
    }
}
