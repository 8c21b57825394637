import Testing
@testable import SluiceCore

@Suite struct TimestampTextTests {
    func parse(_ text: String) -> Timestamp? { Timestamp(text: Array(text.utf8).span) }

    func text(_ timestamp: Timestamp) -> String {
        var bytes: [UInt8] = []
        timestamp.appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func parsesSecondsAndOneToSixFractionDigits() {
        #expect(parse("1970-01-01 00:00:00") == Timestamp(microseconds: 0))
        #expect(parse("2024-02-29 23:59:59") == Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59))
        #expect(parse("1970-01-01 00:00:00.5") == Timestamp(microseconds: 500_000))
        #expect(parse("1970-01-01 00:00:00.000001") == Timestamp(microseconds: 1))
        #expect(parse("1969-12-31 23:59:59.999999") == Timestamp(microseconds: -1))
    }

    @Test func rejectsOtherFormsAndImpossibleDates() {
        for bad in ["", "1970-01-01", "1970-01-01T00:00:00", "1970-1-01 00:00:00", "2023-02-29 00:00:00", "1970-04-31 00:00:00",
                    "1970-01-01 24:00:00", "1970-01-01 00:60:00", "1970-01-01 00:00:60", "1970-01-01 00:00:00.",
                    "1970-01-01 00:00:00.1234567", "1970-01-01 00:00:00Z", "1970-01-01 00:00:00 ", "1970-00-01 00:00:00"] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }

    @Test func writesWhatDescriptionWritesAndReadsItBack() {
        for microseconds: Int64 in [0, 1, -1, 500_000, 1_709_251_199_000_000, 253_402_300_799_999_999] {
            let timestamp = Timestamp(microseconds: microseconds)
            #expect(text(timestamp) == timestamp.description)
            #expect(parse(text(timestamp)) == timestamp)
        }
    }

    @Test func padsYearsBelow1000ToFourDigits() {
        let yearZero = Timestamp(year: 0, month: 1, day: 1)
        #expect(text(yearZero) == "0000-01-01 00:00:00")
        #expect(parse(text(yearZero)) == yearZero)
        #expect(text(Timestamp(year: 10_000, month: 1, day: 1)) == "10000-01-01 00:00:00")
    }
}
