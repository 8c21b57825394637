import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct ReportCSVTests {
    /// Two batches; the second is cut short by a kill and runs again after the restart.
    static let history: [HistoryEntry] = {
        let events: [(Int64, HistoryEvent)] = [
            (1_000, .produced(.init(records: 2000, firstOrder: 1, lastOrder: 2000, scheduledStart: 0, scheduledEnd: 999_999))),
            (1_000_100, .produced(.init(records: 1000, firstOrder: 2001, lastOrder: 3000, scheduledStart: 1_000_000, scheduledEnd: 1_999_999))),
            (1_000_250, .batchStarted(.init(batch: BatchID(0), triggerTime: 1_000_000, rows: 2000))),
            (1_120_750, .batchCommitted(.init(
                batch: BatchID(0), processingMicroseconds: 120_500, schedulingDelayMicroseconds: 250, totalDelayMicroseconds: 120_750,
                stateRows: 40, lateRowsDropped: 0, malformedLines: 3, sinkRows: 12
            ))),
            (1_120_750, .latency(.init(batch: BatchID(0), records: [1, 1000, 2000], latencyMicroseconds: [1_120_750, 620_750, 121_250]))),
            (2_000_300, .batchStarted(.init(batch: BatchID(1), triggerTime: 2_000_000, rows: 1000))),
            (2_050_000, .faultInjected(.init(fault: .random, batch: BatchID(1), pid: 10))),
            (2_050_400, .processExited(.init(pid: 10, signal: 9))),
            (2_750_400, .restarted(.init(pid: 11, downtimeMicroseconds: 700_000, firstBatchMicroseconds: nil))),
            (3_000_500, .batchStarted(.init(batch: BatchID(1), triggerTime: 3_000_000, rows: 1000))),
            (3_080_500, .batchCommitted(.init(
                batch: BatchID(1), processingMicroseconds: 80_000, schedulingDelayMicroseconds: 500, totalDelayMicroseconds: 80_500,
                stateRows: 44, lateRowsDropped: 2, malformedLines: 1, sinkRows: 5
            ))),
            (3_080_500, .latency(.init(batch: BatchID(1), records: [2001, 3000], latencyMicroseconds: [2_080_500, 1_080_501]))),
        ]
        return events.enumerated().map { HistoryEntry(sequence: Int64($0.offset) + 1, time: $0.element.0, event: $0.element.1) }
    }()

    @Test func batchesHaveOneRowPerCommittedBatch() {
        #expect(BatchesCSV.render(RunAnalysis(entries: Self.history).batches) == """
            batch,trigger_time_ms,rows,scheduling_delay_ms,processing_ms,total_delay_ms,state_rows,late_rows_dropped,malformed_lines
            0,1000.000,2000,0.250,120.500,120.750,40,0,3
            1,3000.000,1000,0.500,80.000,80.500,44,2,1

            """)
    }

    @Test func aBatchWithoutItsStartHasEmptyStartFields() {
        let commit = Self.history.filter { if case .batchCommitted = $0.event { true } else { false } }
        #expect(BatchesCSV.render(RunAnalysis(entries: commit.prefix(1)).batches).split(separator: "\n").last == "0,,,0.250,120.500,120.750,40,0,3")
    }

    @Test func latencyComesFromTheHistogram() {
        let analysis = RunAnalysis(entries: Self.history)
        #expect(LatencyCSV.render(analysis.latency.summary) == """
            samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms
            5,1081.343,2080.500,2080.500,2080.500,2080.500

            """)
        #expect(LatencyCSV.renderPerSecond(analysis.latencyPerSecond) == """
            second,samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms
            1,3,622.591,1120.750,1120.750,1120.750,1120.750
            3,2,1081.343,2080.500,2080.500,2080.500,2080.500

            """)
    }

    @Test func throughputCountsEverySecondIncludingTheDownTime() {
        #expect(ThroughputCSV.render(RunAnalysis(entries: Self.history).ratesPerSecond) == """
            second,offered_records,processed_records
            0,2000,0
            1,1000,2000
            2,0,0
            3,0,1000

            """)
    }

    @Test func theAnalysisPairsTheKillWithItsRestartAndFirstBatch() {
        let analysis = RunAnalysis(entries: Self.history)
        var expected = Recovery(cause: .fault(.random, batch: BatchID(1)), pid: 10, diedAt: 2_050_000)
        expected.exit = .init(pid: 10, signal: 9)
        expected.restartedAt = 2_750_400
        expected.downtimeMicroseconds = 700_000
        expected.firstBatchMicroseconds = 330_100
        #expect(analysis.recoveries == [expected])
        #expect(analysis.restartTimes == [2_750_400])
        #expect(analysis.interruptedBatchStarts == 1)
        #expect(analysis.batches.map(\.attempts) == [1, 2])
        #expect(analysis.recordsProduced == 3000 && analysis.recordsProcessed == 3000)
    }

    @Test func anExitWithoutAFaultIsUnplanned() {
        let analysis = RunAnalysis(entries: [
            HistoryEntry(sequence: 1, time: 5, event: .processExited(.init(pid: 3, status: 1))),
            HistoryEntry(sequence: 2, time: 9, event: .restarted(.init(pid: 4, downtimeMicroseconds: 4, firstBatchMicroseconds: 77))),
        ])
        #expect(analysis.recoveries.map(\.cause) == [.unplannedExit])
        #expect(analysis.recoveries.first?.firstBatchMicroseconds == 77)
    }

    @Test func offeredRecordsSpreadOverTheirScheduledSeconds() {
        #expect(RunAnalysis.spread(1001, over: 0 ... 999_999).map { [$0.second, $0.records] } == [[0, 1001]])
        #expect(RunAnalysis.spread(1000, over: 500_000 ... 2_500_000).map { [$0.second, $0.records] } == [[0, 250], [1, 500], [2, 250]])
        #expect(RunAnalysis.spread(10, over: -1 ... 0).map { [$0.second, $0.records] } == [[-1, 10], [0, 0]])
    }
}
