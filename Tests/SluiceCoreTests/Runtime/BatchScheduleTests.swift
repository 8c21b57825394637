import Testing
@testable import SluiceCore

@Suite struct BatchScheduleTests {
    @Test(arguments: [(0, 1000), (1, 1000), (999, 1000), (1000, 2000), (-1, 0)])
    func firstBatchTimeIsTheNextMultipleOfTheInterval(start: Int64, first: Int64) {
        let schedule = BatchSchedule(interval: .seconds(1), start: Timestamp(milliseconds: start))
        #expect(schedule.nextBatchTime == Timestamp(milliseconds: first))
    }

    @Test func takesEveryDueTimeOnce() {
        var schedule = BatchSchedule(interval: .milliseconds(500), start: Timestamp(milliseconds: 0))
        #expect(schedule.takeDue(at: Timestamp(milliseconds: 499)).isEmpty)
        #expect(schedule.takeDue(at: Timestamp(milliseconds: 1600)).map(\.milliseconds) == [500, 1000, 1500])
        #expect(schedule.takeDue(at: Timestamp(milliseconds: 1600)).isEmpty)
        #expect(schedule.nextBatchTime.milliseconds == 2000)
    }
}
