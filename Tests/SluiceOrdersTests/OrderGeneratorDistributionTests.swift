import Testing
@testable import SluiceOrders

/// The shape of 100,000 generated orders with the default configuration otherwise.
@Suite struct OrderGeneratorDistributionTests {
    static let count = 100_000
    static let orders = OrderGenerator.generate(.init(count: count)).orders
    let orders = Self.orders
    let start = OrderGenerator.Configuration.lectureStartTime
    let second: Int64 = 1_000_000

    @Test func tradesAmongOneHundredClients() {
        let clients = Set(orders.map(\.clientId))
        #expect(clients == Set(1...100))
    }

    @Test func tradesAllOneHundredSymbolsWithZipfSkew() {
        var counts: [String: Int] = [:]
        for order in orders {
            counts[order.symbol, default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(OrderGenerator.tickerSymbols))
        let byRank = OrderGenerator.tickerSymbols.map { Double(counts[$0, default: 0]) / Double(Self.count) }
        #expect((0.17...0.22).contains(byRank[0]), "most traded share \(byRank[0])")
        #expect(byRank[0] / byRank[49] > 30, "rank 1 vs rank 50: \(byRank[0]) / \(byRank[49])")
        #expect(byRank[99] > 0.001, "least traded share \(byRank[99])")
    }

    @Test func spansSixHoursFromTheLectureStart() {
        #expect(orders[0].time == start)
        let onTimeLast = orders.last { order in order.time >= start + 21_000 * second }
        #expect(onTimeLast?.time == start + 21_599 * second)
        #expect(orders.map(\.time).min()! >= start - 600 * second)
        #expect(orders.allSatisfy { $0.time % second == 0 })
    }

    @Test func sendsAboutThreePercentLateByAtMostTenMinutes() {
        var latest = Int64.min
        var lateCount = 0
        var largestLateness: Int64 = 0
        for order in orders {
            if order.time < latest {
                lateCount += 1
                largestLateness = max(largestLateness, latest - order.time)
            }
            latest = max(latest, order.time)
        }
        let lateShare = Double(lateCount) / Double(Self.count)
        #expect((0.027...0.033).contains(lateShare), "late share \(lateShare)")
        #expect(largestLateness <= 600 * second)
        #expect(largestLateness >= 590 * second)
    }

    @Test func keepsAmountsPricesAndSidesInTheirRanges() {
        #expect(orders.allSatisfy { (1...1000).contains($0.amount) })
        #expect(orders.allSatisfy { (1.0...100.0).contains($0.price) && Double($0.priceInCents) / 100 == $0.price })
        #expect(orders.map(\.amount).min() == 1 && orders.map(\.amount).max() == 1000)
        let buyShare = Double(orders.count { $0.isBuy }) / Double(Self.count)
        #expect((0.49...0.51).contains(buyShare), "buy share \(buyShare)")
    }

    @Test func makesNoLateOrdersWhenAskedForNone() {
        let onTime = OrderGenerator.generate(.init(count: 10_000, lateFraction: 0)).orders
        #expect(zip(onTime, onTime.dropFirst()).allSatisfy { $0.time <= $1.time })
    }
}
