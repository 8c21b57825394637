import Testing
@testable import SluiceOrders

@Suite struct TimeWindowTests {
    let minute: Int64 = 60_000_000

    @Test func placesATimeInTwelveHourWindowsSlidingByFiveMinutes() {
        let time: Int64 = 1_458_678_328_000_000
        let windows = TimeWindow.windows(containing: time, length: .seconds(3600), slide: .seconds(300))
        #expect(windows.count == 12)
        #expect(windows.first?.description == "[2016-03-22 19:30:00, 2016-03-22 20:30:00)")
        #expect(windows.last?.description == "[2016-03-22 20:25:00, 2016-03-22 21:25:00)")
        #expect(windows.allSatisfy { $0.start <= time && time < $0.end && $0.start % (5 * minute) == 0 })
        #expect(windows == windows.sorted())
    }

    @Test func startsAWindowExactlyAtItsStartAndEndsBeforeItsEnd() {
        let windows = TimeWindow.windows(containing: 60 * minute, length: .seconds(3600), slide: .seconds(300))
        #expect(windows.map(\.start) == (1...12).map { Int64($0) * 5 * minute })
    }

    @Test func makesOneTumblingWindowAlignedToTheEpoch() {
        #expect(TimeWindow.windows(containing: 0, length: .seconds(3600), slide: .seconds(3600)) == [TimeWindow(start: 0, end: 60 * minute)])
        #expect(TimeWindow.windows(containing: -1, length: .seconds(3600), slide: .seconds(3600)) == [TimeWindow(start: -60 * minute, end: 0)])
    }

    @Test func coversGapsWhenTheSlideExceedsTheLength() {
        #expect(TimeWindow.windows(containing: 7 * minute, length: .seconds(300), slide: .seconds(600)).isEmpty)
        #expect(TimeWindow.windows(containing: 12 * minute, length: .seconds(300), slide: .seconds(600)) == [TimeWindow(start: 10 * minute, end: 15 * minute)])
    }
}
