import Testing
@testable import SluiceHarness

@Suite struct ReportNumbersTests {
    @Test(arguments: [
        (Int64(0), "0.000"), (1, "0.001"), (1_234_567, "1234.567"), (-1_500, "-1.500"), (999, "0.999"),
    ])
    func writesExactMilliseconds(microseconds: Int64, text: String) {
        #expect(ReportNumbers.milliseconds(microseconds) == text)
    }

    @Test(arguments: [
        (Int64(850), "850 µs"), (4_250, "4.25 ms"), (4_000, "4 ms"), (812_500, "812.5 ms"), (100_000, "100 ms"),
        (1_250_000, "1.25 s"), (1_000_000, "1 s"), (1_200_000, "1.2 s"), (-2_500, "-2.5 ms"),
    ])
    func writesReadableDurations(microseconds: Int64, text: String) {
        #expect(ReportNumbers.duration(microseconds) == text)
    }

    @Test func groupsThousands() {
        #expect(ReportNumbers.count(0) == "0")
        #expect(ReportNumbers.count(999) == "999")
        #expect(ReportNumbers.count(1_000) == "1,000")
        #expect(ReportNumbers.count(-1_234_567) == "-1,234,567")
        #expect(ReportNumbers.rate(48_511.6) == "48,512 records/s")
        #expect(ReportNumbers.gibibytes(24 << 30) == "24.0 GiB")
    }
}
