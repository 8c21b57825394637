import Testing
@testable import SluiceOrders

/// The reference answers over eight hand-made orders, each answer worked out by hand in the comments.
@Suite struct OrderReferenceTests {
    static let lines = [
        "2016-03-22 20:25:28,1,80,EPE,710,51.0,B",
        "2016-03-22 20:59:59,2,70,NFLX,158,8.5,B",
        "2016-03-22 21:00:00,3,80,VALE,284,5.25,S",
        "2016-03-22 21:04:59,4,14,EPE,100,34.0,S",
        "2016-03-22 21:05:00,5,62,NFLX,300,2.0,B",
        "2016-03-22 20:10:00,6,70,BP,710,1.0,S",
        "2016-03-22 22:30:00,7,5,Z,600,1.0,B",
        "2016-03-22 22:45:00,8,99,AU,1,1.0,S",
    ]
    let orders = Self.lines.map { try! Order(line: $0) }

    func window(_ start: String, minutes: Int64 = 60) -> TimeWindow {
        let startTime = try! Order(line: "2016-03-22 \(start):00,1,1,A,1,1.0,B").time
        return TimeWindow(start: startTime, end: startTime + minutes * 60_000_000)
    }

    @Test func countsBuysAndSells() {
        // Buys: orders 1, 2, 5, 7; sells: 3, 4, 6, 8.
        #expect(OrderReference.buySellCounts(orders) == BuySellCounts(buys: 4, sells: 4))
        #expect(OrderReference.buySellCounts(orders.prefix(3)) == BuySellCounts(buys: 2, sells: 1))
        #expect(OrderReference.buySellCounts([]) == BuySellCounts(buys: 0, sells: 0))
    }

    @Test func ranksClientsByTotalValueBreakingTiesByClientId() {
        // Client 80: 710 × 51.00 + 284 × 5.25 = 36,210.00 + 1,491.00 = 37,701.00
        // Client 14: 100 × 34.00 = 3,400.00
        // Client 70: 158 × 8.50 + 710 × 1.00 = 1,343.00 + 710.00 = 2,053.00
        // Clients 5 and 62: 600 × 1.00 = 300 × 2.00 = 600.00, a tie that client 5 wins
        // Client 99: 1 × 1.00 = 1.00, sixth
        #expect(OrderReference.topClients(orders) == [
            ClientValue(clientId: 80, valueInCents: 3_770_100),
            ClientValue(clientId: 14, valueInCents: 340_000),
            ClientValue(clientId: 70, valueInCents: 205_300),
            ClientValue(clientId: 5, valueInCents: 60_000),
            ClientValue(clientId: 62, valueInCents: 60_000),
        ])
        #expect(OrderReference.topClients(orders)[0].value == 37_701.0)
        #expect(OrderReference.topClients(orders.prefix(2), limit: 1) == [ClientValue(clientId: 80, valueInCents: 3_621_000)])
    }

    @Test func ranksSymbolsPerTumblingHour() {
        // 20:00–21:00: EPE 710 (order 1), BP 710 (order 6, late), NFLX 158 (order 2): BP wins the tie.
        // 21:00–22:00: NFLX 300, VALE 284, EPE 100.  22:00–23:00: Z 600, AU 1.
        #expect(OrderReference.topSymbolsPerWindow(orders) == [
            WindowTopSymbols(window: window("20:00"), symbols: [
                SymbolAmount(symbol: "BP", amount: 710), SymbolAmount(symbol: "EPE", amount: 710), SymbolAmount(symbol: "NFLX", amount: 158),
            ]),
            WindowTopSymbols(window: window("21:00"), symbols: [
                SymbolAmount(symbol: "NFLX", amount: 300), SymbolAmount(symbol: "VALE", amount: 284), SymbolAmount(symbol: "EPE", amount: 100),
            ]),
            WindowTopSymbols(window: window("22:00"), symbols: [
                SymbolAmount(symbol: "Z", amount: 600), SymbolAmount(symbol: "AU", amount: 1),
            ]),
        ])
        #expect(OrderReference.topSymbolsPerWindow(orders.prefix(2), limit: 1) == [
            WindowTopSymbols(window: window("20:00"), symbols: [SymbolAmount(symbol: "EPE", amount: 710)]),
        ])
    }

    @Test func countsBuysAndSellsPerHourSlidingByFiveMinutes() {
        // A window [s, s + 1 h) holds an order at t when s ≤ t < s + 1 h; s runs over multiples of 5 min.
        // Order 6 (S, 20:10:00) is in the windows from 19:15 to 20:10; order 1 (B, 20:25:28) from 19:30
        // to 20:25; order 2 (B, 20:59:59) from 20:00 to 20:55; orders 3 and 4 (S, 21:00:00 and 21:04:59)
        // from 20:05 to 21:00; order 5 (B, 21:05:00) from 20:10 to 21:05; order 7 (B, 22:30) from 21:35
        // to 22:30; order 8 (S, 22:45) from 21:50 to 22:45.
        let expected: [(starts: [String], buys: Int64, sells: Int64)] = [
            (["19:15", "19:20", "19:25"], 0, 1),
            (["19:30", "19:35", "19:40", "19:45", "19:50", "19:55"], 1, 1),
            (["20:00"], 2, 1),
            (["20:05"], 2, 3),
            (["20:10"], 3, 3),
            (["20:15", "20:20", "20:25"], 3, 2),
            (["20:30", "20:35", "20:40", "20:45", "20:50", "20:55"], 2, 2),
            (["21:00"], 1, 2),
            (["21:05"], 1, 0),
            (["21:35", "21:40", "21:45"], 1, 0),
            (["21:50", "21:55", "22:00", "22:05", "22:10", "22:15", "22:20", "22:25", "22:30"], 1, 1),
            (["22:35", "22:40", "22:45"], 0, 1),
        ]
        let expectedWindows = expected.flatMap { group in
            group.starts.map { WindowBuySellCounts(window: window($0), counts: BuySellCounts(buys: group.buys, sells: group.sells)) }
        }
        #expect(OrderReference.buySellCountsPerWindow(orders) == expectedWindows)
    }

    @Test func agreesWithItselfOverGeneratedOrders() {
        let generated = OrderGenerator.generate(.init(count: 20_000, seed: 4)).orders
        let counts = OrderReference.buySellCounts(generated)
        #expect(counts.buys + counts.sells == 20_000)
        let windowed = OrderReference.buySellCountsPerWindow(generated)
        #expect(windowed.reduce(0) { $0 + $1.counts.buys } == 12 * counts.buys)
        #expect(windowed.reduce(0) { $0 + $1.counts.sells } == 12 * counts.sells)
        let hourly = OrderReference.topSymbolsPerWindow(generated, limit: 1_000)
        #expect(hourly.count == 7)
        #expect(hourly.reduce(0) { $0 + $1.symbols.reduce(0) { $0 + $1.amount } } == generated.reduce(0) { $0 + $1.amount })
    }
}
