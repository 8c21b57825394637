import Foundation
import SluiceCore
import SluiceOrders
import SluiceStructured
import Synchronization
import Testing
@testable import SluiceExamples

@Suite struct StructuredExamplesTests {
    @Test func structuredWordCountPrintsRunningCounts() throws {
        let session = Session()
        let lines = session.readStream.memory(schema: TextLineDecoder.valueSchema)
        let printed = Mutex<[String]>([])
        let query = try StructuredWordCount.define(lines: lines.toDF()).writeStream.outputMode(.complete)
            .console { text in printed.withLock { $0.append(text) } }.start(driving: .caller)
        try lines.addData([[.string("apache spark")], [.string("apache hadoop")]])
        try query.processAllAvailable()
        let table = try #require(printed.withLock { $0.first })
        #expect(table.contains("|apache|    2|") && table.contains("| spark|    1|") && table.contains("|hadoop|    1|"))
    }

    @Test func windowedOrderCountsMatchTheReferenceFromSplitFiles() throws {
        let root = NSTemporaryDirectory() + "sluice-windowed-orders-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/input", withIntermediateDirectories: true)
        let configuration = OrderGenerator.Configuration(count: 50_000, seed: 12, lateFraction: 0)
        _ = try OrderGenerator.write(configuration, toFileAt: root + "/orders.txt")
        _ = try OrderSplitter(.init(linesPerFile: 5_000, pace: .zero)).split(inputAt: root + "/orders.txt", into: root + "/input")
        let session = Session()
        let counts = WindowedOrderCounts.define(orders: WindowedOrderCounts.orders(session, directory: root + "/input"))
        let query = try counts.writeStream.outputMode(.complete).queryName("windowed").start(driving: .caller)
        try query.processAllAvailable()
        #expect(query.recentProgress.count == 10, "one micro-batch per file")
        var actual: [TimeWindow: BuySellCounts] = [:]
        for row in try session.table("windowed").collect() {
            guard case .bool(let buy) = row[0], case .timestamp(let start) = row[1], case .timestamp(let end) = row[2],
                  case .int64(let count) = row[3] else { Issue.record("unexpected row \(row)"); return }
            var counts = actual[TimeWindow(start: start, end: end), default: BuySellCounts()]
            if buy { counts.buys += count } else { counts.sells += count }
            actual[TimeWindow(start: start, end: end)] = counts
        }
        let expected = OrderReference.buySellCountsPerWindow(OrderGenerator.generate(configuration).orders)
        #expect(actual == Dictionary(uniqueKeysWithValues: expected.map { ($0.window, $0.counts) }))
    }
}
