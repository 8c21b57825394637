import Testing
@testable import SluiceCore

@Suite struct TimestampTests {
    @Test func formatsLikeTheLecture() {
        let time = Timestamp(year: 2016, month: 3, day: 22, hour: 20, minute: 25, second: 28)
        #expect(time.description == "2016-03-22 20:25:28")
        #expect(time.milliseconds == 1_458_678_328_000)
        #expect((time + .microseconds(5)).description == "2016-03-22 20:25:28.000005")
    }

    @Test func calendarRoundTripsEveryDayOfFourCenturies() {
        let mismatches = (-146_097 ... 146_097).filter { days in
            let (year, month, day) = CivilCalendar.date(days: days)
            return CivilCalendar.days(year: year, month: month, day: day) != days
        }
        #expect(mismatches.isEmpty)
        #expect(CivilCalendar.date(days: 0) == (1970, 1, 1) && CivilCalendar.date(days: 11_016) == (2000, 2, 29))
    }

    @Test func beforeTheEpochRoundsDown() {
        #expect(Timestamp(microseconds: -1).description == "1969-12-31 23:59:59.999999")
        #expect(Int64(-1).floorDivided(by: 1000) == -1)
    }

    @Test func arithmeticWithDurations() {
        let start = Timestamp(milliseconds: 1000)
        #expect((start + .seconds(2)) - start == .seconds(2))
        #expect(Duration.milliseconds(1500).microseconds == 1_500_000)
    }
}
