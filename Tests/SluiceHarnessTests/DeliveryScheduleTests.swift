import Testing
@testable import SluiceHarness

@Suite struct DeliveryScheduleTests {
    @Test func constantRateSpacesOrdersEvenly() {
        let schedule = DeliverySchedule(rate: .constant(OrderRate(1000)))
        #expect(schedule.scheduledTime(ofOrder: 1) == 1000)
        #expect(schedule.scheduledTime(ofOrder: 1000) == 1_000_000)
        #expect(schedule.scheduledTime(ofOrder: 2500) == 2_500_000)
    }

    @Test func rampIntegratesTheRisingRateThenHoldsTheTop() {
        let schedule = DeliverySchedule(rate: .ramp(from: OrderRate(0), to: OrderRate(2000), over: .seconds(2)))
        // The rate is 1000·t orders/s, so 500·t² orders by t ≤ 2 s: 500 at 1 s, 2000 at 2 s, then 2000/s.
        #expect(schedule.scheduledTime(ofOrder: 500) == 1_000_000)
        #expect(schedule.scheduledTime(ofOrder: 2000) == 2_000_000)
        #expect(schedule.scheduledTime(ofOrder: 4000) == 3_000_000)
    }

    @Test func burstsRunFastAtTheStartOfEveryPeriod() {
        let schedule = DeliverySchedule(rate: .bursts(base: OrderRate(100), burst: OrderRate(1000), length: .milliseconds(500), every: .seconds(1)))
        // 500 orders in the first half second, 50 in the second half: 550 a period.
        #expect(schedule.scheduledTime(ofOrder: 500) == 500_000)
        #expect(schedule.scheduledTime(ofOrder: 550) == 1_000_000)
        #expect(schedule.scheduledTime(ofOrder: 1050) == 1_500_000)
        #expect(schedule.scheduledTime(ofOrder: 1075) == 1_750_000)
    }

    @Test func zeroRateNeverOffers() {
        #expect(DeliverySchedule(rate: .constant(OrderRate(0))).scheduledTime(ofOrder: 1) == nil)
    }

    @Test func filesAreDeliveredWhenTheirLastOrderIsDueAndStopAtTheDuration() {
        let schedule = DeliverySchedule(rate: .constant(OrderRate(1000)))
        let files = schedule.files(orders: 2500, linesPerFile: 1000)
        #expect(files.map(\.name) == ["chunk000001", "chunk000002", "chunk000003"])
        #expect(files.map(\.records) == [1000, 1000, 500])
        #expect(files[1] == ScheduledFile(name: "chunk000002", firstOrder: 1001, lastOrder: 2000, scheduledStart: 1_001_000, scheduledEnd: 2_000_000))
        let limited = schedule.files(orders: 2500, linesPerFile: 1000, limit: 1_500_000)
        #expect(limited.map(\.lastOrder) == [1000, 1500])
    }
}
