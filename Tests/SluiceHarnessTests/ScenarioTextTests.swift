import Testing
@testable import SluiceHarness

/// The string forms of durations, rates and changes, both ways.
@Suite struct ScenarioTextTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("2s", .seconds(2)), ("1m", .seconds(60)), ("1h", .seconds(3600)), ("1.5s", .milliseconds(1500)),
        ("1m30s", .seconds(90)), ("250us", .microseconds(250)), ("250µs", .microseconds(250)), ("10ns", .nanoseconds(10)), ("0s", .zero),
        (" 2 s ", .seconds(2)), ("1h 30m", .seconds(5400)), (".5s", .milliseconds(500)),
    ])
    func durationsParse(text: String, duration: Duration) {
        #expect(DurationText.parse(text) == duration)
    }

    @Test(arguments: ["", "500", "ms", "5 parsecs", "-1s", "1.2.3s", "1s2", "1e3ms", "1,5s", "s1"])
    func nonDurationsDoNot(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.milliseconds(500), "500ms"), (.seconds(2), "2s"), (.seconds(60), "1m"), (.seconds(90), "90s"), (.seconds(7200), "2h"),
        (.milliseconds(1500), "1500ms"), (.microseconds(3), "3us"), (.nanoseconds(7), "7ns"), (.zero, "0s"),
    ])
    func durationsFormatInTheirLargestWholeUnit(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
        #expect(DurationText.parse(text) == duration)
    }

    @Test(arguments: [
        ("200k/s", 200_000.0), ("1.5M/s", 1_500_000), ("200000/s", 200_000), ("200k", 200_000), ("250K/s", 250_000), ("1_000/s", 1000), ("0", 0),
    ])
    func ratesParse(text: String, ordersPerSecond: Double) {
        #expect(RateText.parse(text) == OrderRate(ordersPerSecond))
    }

    @Test(arguments: ["fast", "", "/s", "k/s", "-5/s", "5m/s", "5G/s", "1e6/s", "200k/min"])
    func nonRatesDoNot(text: String) {
        #expect(RateText.parse(text) == nil)
    }

    @Test(arguments: [(500.0, "500/s"), (200_000, "200k/s"), (1_500_000, "1.5M/s"), (12_345, "12.345k/s"), (0.5, "0.5/s")])
    func ratesFormatWithTheirMultiplier(ordersPerSecond: Double, text: String) {
        #expect(OrderRate(ordersPerSecond).description == text)
    }

    @Test func changesParseWithOrWithoutASign() {
        #expect(PercentText.parse("-10%").map { [$0.sign == .minus ? -1 : 1, $0.fraction] } == [-1, 0.1])
        #expect(PercentText.parse("+20%").map { $0.sign == .plus && $0.fraction == 0.2 } == true)
        #expect(PercentText.parse("15%").map { $0.sign == nil && $0.fraction == 0.15 } == true)
        #expect(PercentText.parse("10") == nil && PercentText.parse("%") == nil && PercentText.parse("ten%") == nil)
        #expect(PercentText.format(-0.1) == "-10%" && PercentText.format(0.25) == "+25%")
    }

    @Test func theOfferedRateFollowsItsShape() {
        let ramp = Scenario.OfferedRate.ramp(from: OrderRate(100), to: OrderRate(300), over: .seconds(10))
        #expect(ramp.rate(at: .zero) == OrderRate(100))
        #expect(ramp.rate(at: .seconds(5)) == OrderRate(200))
        #expect(ramp.rate(at: .seconds(20)) == OrderRate(300))
        let bursts = Scenario.OfferedRate.bursts(base: OrderRate(10), burst: OrderRate(1000), length: .seconds(1), every: .seconds(5))
        #expect([0, 0.5, 1, 4.9, 5, 6.5].map { bursts.rate(at: .milliseconds(Int64($0 * 1000))).ordersPerSecond } == [1000, 1000, 10, 10, 1000, 10])
        #expect(bursts.peak == OrderRate(1000) && ramp.peak == OrderRate(300))
        #expect(Scenario.OfferedRate.constant(OrderRate(7)).rate(at: .seconds(99)) == OrderRate(7))
    }
}
