import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct LatencyObjectiveCheckerTests {
    /// The fixture's samples: 90 and 80 ms in every batch, and 100, 110, 120 and 130 ms in batches 0 to 3.
    static let run = CheckFixture.run(CheckFixture().events())

    @Test func passesWhenP99IsWithinTheLimit() {
        let outcome = LatencyObjectiveChecker(p99LimitMicroseconds: 1_000_000).check(Self.run)
        #expect(outcome.verdict == .valid)
        #expect(outcome.detail == "p99 130 ms within 1 s over 12 samples (p50 90 ms, slowest 130 ms in batch 3)")
        #expect(outcome.counts == nil)
    }

    @Test func passesAtExactlyTheLimit() {
        #expect(LatencyObjectiveChecker(p99LimitMicroseconds: 130_000).check(Self.run).verdict == .valid)
    }

    @Test func failsWhenP99IsOverTheLimit() {
        let outcome = LatencyObjectiveChecker(p99LimitMicroseconds: 50_000).check(Self.run)
        #expect(outcome.verdict == .invalid)
        #expect(outcome.batch == BatchID(3))
        #expect(outcome.detail == "p99 latency: expected at most 50 ms, found 130 ms; over 12 samples (p50 90 ms, slowest 130 ms in batch 3)")
    }

    @Test func cannotTellWithoutSamples() {
        let events = CheckFixture().events().filter { if case .latency = $0 { false } else { true } }
        let outcome = LatencyObjectiveChecker(p99LimitMicroseconds: 1_000_000).check(CheckFixture.run(events))
        #expect(outcome.verdict == .unknown)
        #expect(outcome.detail == "the history holds no latency sample")
    }
}
