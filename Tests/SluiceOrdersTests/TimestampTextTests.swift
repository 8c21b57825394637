import SluiceCore
import Testing
@testable import SluiceOrders

@Suite struct TimestampTextTests {
    func text(_ microseconds: Int64) -> String {
        var bytes: [UInt8] = []
        TimestampText.append(microseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func decode(_ text: String) -> Int64? {
        TimestampText.decode(Array(text.utf8).span)
    }

    @Test func formatsKnownInstants() {
        #expect(text(0) == "1970-01-01 00:00:00")
        #expect(text(1_458_678_300_000_000) == "2016-03-22 20:25:00")
        #expect(text(951_782_400_000_000) == "2000-02-29 00:00:00")
        #expect(text(-1) == "1969-12-31 23:59:59")
        #expect(text(253_402_300_799_000_000) == "9999-12-31 23:59:59")
    }

    @Test func readsBackEveryDayFrom1900To2100() {
        var days = CivilCalendar.days(year: 1900, month: 1, day: 1)
        let last = CivilCalendar.days(year: 2100, month: 12, day: 31)
        while days <= last {
            let instant = Int64(days) * 86_400_000_000 + 86_399_000_000
            #expect(decode(text(instant)) == instant)
            days += 1
        }
    }

    @Test(arguments: [
        "2015-02-29 00:00:00", "2100-02-29 00:00:00", "2016-13-01 00:00:00", "2016-00-01 00:00:00",
        "2016-04-31 00:00:00", "2016-03-22 24:00:00", "2016-03-22 20:60:00", "2016-03-22 20:25:60",
        "2016-03-22 20:25", "2016-03-22 20:25:280", "2016/03/22 20:25:28", "+016-03-22 20:25:28", "",
    ])
    func refusesTextThatIsNotARealTime(text: String) {
        #expect(decode(text) == nil)
    }

    @Test func acceptsLeapDaysOfLeapYears() {
        #expect(decode("2016-02-29 12:00:00") == 1_456_747_200_000_000)
        #expect(decode("2000-02-29 00:00:00") == 951_782_400_000_000)
    }
}
