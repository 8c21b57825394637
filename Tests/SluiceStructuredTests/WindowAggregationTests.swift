import SluiceCore
import SluiceOrders
import Testing
@testable import SluiceStructured

@Suite struct WindowAggregationTests {
    @Test func slidingWindowsFollowSparksAlignment() throws {
        let session = Session()
        let base = Timestamp(year: 2016, month: 3, day: 22, hour: 20).microseconds
        let frame = try session.createDataFrame(rows: [
            [.timestamp(base + 7 * 60_000_000)], [.timestamp(base + 12 * 60_000_000)],
        ], schema: Schema([Field("time", .timestamp)]))
        let windows = try frame.groupBy(window(col("time"), .minutes(10), slide: .minutes(5))).count()
            .orderBy(col("window.start").asc()).collect()
        let minute = Int64(60_000_000)
        #expect(windows == [
            [.timestamp(base), .timestamp(base + 10 * minute), .int64(1)],
            [.timestamp(base + 5 * minute), .timestamp(base + 15 * minute), .int64(2)],
            [.timestamp(base + 10 * minute), .timestamp(base + 20 * minute), .int64(1)],
        ])
    }

    @Test func lectureWindowedCountMatchesTheReference() throws {
        let generated = OrderGenerator.generate(.init(count: 20_000, seed: 4))
        let batch = OrderParser().decode(generated.text, source: "orders", firstLine: 1).batch
        let counts = try Session().createDataFrame([batch])
            .groupBy(col("buy"), window(col("time"), .hours(1), slide: .minutes(5))).count()
            .collect()
        var actual: [TimeWindow: BuySellCounts] = [:]
        for row in counts {
            guard case .bool(let buy) = row[0], case .timestamp(let start) = row[1], case .timestamp(let end) = row[2],
                  case .int64(let count) = row[3] else { Issue.record("unexpected row \(row)"); return }
            var entry = actual[TimeWindow(start: start, end: end), default: BuySellCounts()]
            if buy { entry.buys += count } else { entry.sells += count }
            actual[TimeWindow(start: start, end: end)] = entry
        }
        let expected = OrderReference.buySellCountsPerWindow(generated.orders)
        #expect(actual.count == expected.count)
        for window in expected { #expect(actual[window.window] == window.counts, "\(window.window)") }
    }
}
