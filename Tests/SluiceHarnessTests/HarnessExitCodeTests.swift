import Testing
@testable import SluiceHarness

@Suite struct HarnessExitCodeTests {
    static func outcome(_ checker: String, _ verdict: HistoryEvent.Verdict) -> CheckOutcome {
        CheckOutcome(checker: checker, verdict: verdict, summary: "")
    }

    @Test func theCodesAreTheDocumentedNumbers() {
        #expect(HarnessExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(HarnessExitCode.jobCrashed.exitCode.rawValue == 4)
    }

    @Test(arguments: [
        ([HistoryEvent.Verdict.valid, .valid], [HistoryEvent.Verdict.valid], false, HarnessExitCode.pass),
        ([.valid, .unknown], [.valid], false, .pass),
        ([.valid, .unknown], [.valid], true, .checkFailed),
        ([.invalid, .valid], [.valid], false, .checkFailed),
        ([.valid, .valid], [.invalid], false, .jobCrashed),
        ([.invalid, .invalid], [.invalid], false, .jobCrashed),
    ])
    func aCrashWinsThenAFailure(sinkVerdicts: [HistoryEvent.Verdict], crashVerdicts: [HistoryEvent.Verdict], unknownFails: Bool, code: HarnessExitCode) {
        let outcomes = [Self.outcome(ExactlyOnceChecker.name, sinkVerdicts[0]), Self.outcome(PrefixIntegrityChecker.name, sinkVerdicts[1])]
            + crashVerdicts.map { Self.outcome(UnplannedCrashChecker.name, $0) }
        #expect(HarnessExitCode.forChecks(outcomes, unknownFails: unknownFails) == code)
    }
}
