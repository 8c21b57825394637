extension Scenario.Sweep {
    /// Reads `[sweep]`: `batch-intervals` (distinct) and `rates` (increasing), both required.
    init(reading table: ScenarioTableReader) throws(ScenarioError) {
        try table.allowOnly(["batch-intervals", "rates"])
        let intervals = try table.requiredList("batch-intervals", of: .duration(positive: true))
        for index in intervals.indices {
            if let first = intervals[..<index].firstIndex(of: intervals[index]) {
                throw table.error(at: "batch-intervals", index: index, .conflict("\(DurationText.format(intervals[index])) is listed twice, first at [\(first)]"))
            }
        }
        let rates = try table.requiredList("rates", of: .rate(positive: true))
        for index in rates.indices.dropFirst() where rates[index] <= rates[index - 1] {
            throw table.error(at: "rates", index: index, .conflict("\(rates[index]) is not above \(rates[index - 1]); list the rates in increasing order"))
        }
        self.init(batchIntervals: intervals, rates: rates)
    }
}
