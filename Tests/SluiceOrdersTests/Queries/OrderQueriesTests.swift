import SluiceCore
import Testing
@testable import SluiceOrders

@Suite struct OrderQueriesTests {
    /// Orders as (client, amount, price, buy).
    static func batch(_ orders: [(Int64, Int64, Double, Bool)]) throws -> RecordBatch {
        try RecordBatch(schema: OrderSchema.schema, rows: orders.enumerated().map { index, order in
            [.timestamp(Int64(index)), .int64(Int64(index + 1)), .int64(order.0), .string("EPE"),
             .int64(order.1), .double(order.2), .bool(order.3)]
        })
    }

    @Test func countsBuysAndSellsInTheLectureFormat() throws {
        let counts = BuySellCounts(counting: try Self.batch([(1, 1, 1, true), (2, 1, 1, false), (3, 1, 1, true)]))
        #expect(counts == BuySellCounts(buys: 2, sells: 1))
        #expect(counts.description == "(False, 1)\n(True, 2)")
        #expect(BuySellCounts(buys: 3, sells: 0).description == "(True, 3)")
        #expect((counts + counts).buys == 4)
    }

    @Test func clientTotalsAccumulateAcrossBatches() throws {
        var totals = ClientTotals()
        totals.add(try Self.batch([(80, 10, 2.5, true), (70, 1, 100, false)]))
        totals.add(try Self.batch([(80, 2, 1, false), (53, 4, 1, true)]))
        #expect(totals.clientCount == 3)
        #expect(totals.total(of: 80) == 27)
        #expect(totals.total(of: 99) == nil)
        #expect(totals.top(2).map(\.client) == [70, 80])
    }

    @Test func topBreaksTiesBySmallerClientAndHandlesFewClients() throws {
        var totals = ClientTotals()
        totals.add(try Self.batch([(9, 1, 5, true), (3, 1, 5, true), (7, 1, 5, true), (1, 1, 1, true)]))
        #expect(totals.top(3).map(\.client) == [3, 7, 9])
        #expect(totals.top(10).map(\.client) == [3, 7, 9, 1])
        #expect(ClientTotals().top(5).isEmpty)
    }
}
