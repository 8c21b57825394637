import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct UnplannedCrashCheckerTests {
    @Test func killsAfterInjectedFaultsAndACleanExitAreValid() {
        let outcome = UnplannedCrashChecker().check(CheckFixture.run(CheckFixture(killedBatch: 2).events()))
        #expect(outcome.verdict == .valid)
        #expect(outcome.detail == "2 exits: 1 after injected faults, 1 clean (status 0)")
    }

    @Test func aJobThatNeverExitedIsValid() {
        let events = CheckFixture().events().filter { if case .processExited = $0 { false } else { true } }
        #expect(UnplannedCrashChecker().check(CheckFixture.run(events)).detail == "the job never exited")
    }

    @Test(arguments: [
        (HistoryEvent.ProcessExited(pid: 900, signal: 11), "killed by signal 11"),
        (HistoryEvent.ProcessExited(pid: 900, status: 1), "exited with status 1"),
        (HistoryEvent.ProcessExited(pid: 900), "ended without a status or signal"),
    ])
    func anExitWithoutAFaultIsACrash(exit: HistoryEvent.ProcessExited, how: String) {
        var events = CheckFixture().events()
        let third = events.firstIndex { if case .sinkRows(let rows) = $0 { rows.batch == BatchID(2) } else { false } }!
        events.insert(.processExited(exit), at: third)
        let outcome = UnplannedCrashChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(2))
        #expect(outcome.discrepancy?.description.hasPrefix(
            "batch 2, job pid 900: expected an exit after an injected fault, or status 0, found \(how), "
        ) == true, "\(outcome.detail)")
        #expect(outcome.detail.hasSuffix("(no fault was injected); 1 of 2 exits unplanned; 0 after injected faults, 1 clean (status 0)"))
    }

    @Test func aFaultIntoAnotherProcessDoesNotCoverTheCrash() {
        var events = CheckFixture(killedBatch: 1).events()
        events.append(.processExited(.init(pid: 4242, signal: 6)))
        let outcome = UnplannedCrashChecker().check(CheckFixture.run(events))
        #expect(outcome.verdict == .invalid)
        #expect(outcome.discrepancy?.subject == "job pid 4242")
    }
}
