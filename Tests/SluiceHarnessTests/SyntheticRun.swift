import SluiceCore
import SluiceTesting
@testable import SluiceHarness

/// A made-up history of a job that reads `rate` orders a second in batches of one second and is
/// killed at `kills` (seconds): the killed batch is cut short, the job is down for `downtime`, starts
/// again, re-runs the batch it lost as soon as it is up and catches up with a larger one at the next
/// trigger. Seeded, so every run of
/// the tests sees the same history.
struct SyntheticRun {
    var seconds = 30
    var rate: Int64 = 20_000
    var kills: [Double] = [8.3, 19.6]
    var downtime = 1.2
    var seed: UInt64 = 5

    static let intervalMicroseconds: Int64 = 1_000_000

    func entries() -> [HistoryEntry] {
        var generator = SeededGenerator(seed: seed)
        var timed: [(time: Int64, event: HistoryEvent)] = []
        let tenth = rate / 10
        for slot in 0 ..< Int64(seconds * 10) {
            let start = slot * 100_000
            timed.append((start + 100_000, .produced(.init(
                records: tenth, firstOrder: slot * tenth + 1, lastOrder: (slot + 1) * tenth, scheduledStart: start, scheduledEnd: start + 99_950
            ))))
        }

        let killTimes = kills.map { Int64($0 * 1_000_000) }
        var killIndex = 0
        var committedThrough: Int64 = 0
        var busyUntil: Int64 = 0
        var batch: Int64 = 0
        var pid: Int32 = 100
        var nextTrigger = Self.intervalMicroseconds
        var rerun: (trigger: Int64, dataEnd: Int64)?
        while nextTrigger <= Int64(seconds) * 1_000_000 {
            let (trigger, dataEnd) = rerun ?? (nextTrigger, nextTrigger)
            let rows = (dataEnd - committedThrough) * rate / 1_000_000
            let started = max(trigger + Int64.random(in: 150 ... 900, using: &generator), busyUntil)
            let processing = 60_000 + rows * 14 + Int64.random(in: 0 ... 40_000, using: &generator)
            let committed = started + processing
            timed.append((started, .batchStarted(.init(batch: BatchID(batch), triggerTime: trigger, rows: rows))))
            timed.append((started + 300, .offsetsWritten(.init(batch: BatchID(batch), ends: ["orders": "{\"order\":\(dataEnd * rate / 1_000_000)}"]))))
            if killIndex < killTimes.count, killTimes[killIndex] < committed {
                let kill = killTimes[killIndex]
                let fault: HistoryEvent.FaultInjected.Fault = killIndex == 0 ? .point(.afterState) : .random
                timed.append((kill, .faultInjected(.init(fault: fault, batch: BatchID(batch), pid: pid))))
                timed.append((kill + 350, .processExited(.init(pid: pid, signal: 9))))
                let restart = kill + 350 + Int64(downtime * 1_000_000)
                pid += 1
                timed.append((restart, .restarted(.init(pid: pid, downtimeMicroseconds: restart - kill - 350, firstBatchMicroseconds: nil))))
                killIndex += 1
                rerun = (restart + 400_000, dataEnd)
                busyUntil = restart + 400_000
                nextTrigger = (busyUntil / Self.intervalMicroseconds + 1) * Self.intervalMicroseconds
                continue
            }
            timed.append((committed, .batchCommitted(.init(
                batch: BatchID(batch), processingMicroseconds: processing, schedulingDelayMicroseconds: started - trigger,
                totalDelayMicroseconds: committed - trigger, stateRows: min(100 + batch * 7, 400),
                lateRowsDropped: Int64.random(in: 0 ... 3, using: &generator), malformedLines: rows / 1000, sinkRows: 90
            ))))
            let sampled = Array(stride(from: committedThrough, to: dataEnd, by: 5_000))
            timed.append((committed, .latency(.init(
                batch: BatchID(batch), records: sampled.map { $0 * rate / 1_000_000 + 1 }, latencyMicroseconds: sampled.map { committed - $0 }
            ))))
            committedThrough = dataEnd
            busyUntil = committed
            batch += 1
            if rerun == nil { nextTrigger += Self.intervalMicroseconds }
            rerun = nil
        }
        let end = Int64(seconds) * 1_000_000 + 900_000
        timed.append((end, .checkResult(.init(checker: "exactly-once", verdict: .valid, detail: "orderId 1..\(committedThrough * rate / 1_000_000)"))))
        timed.append((end + 10, .checkResult(.init(checker: "prefix-integrity", verdict: .valid, batch: BatchID(batch - 1), detail: "every committed batch"))))
        return timed.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .enumerated()
            .map { HistoryEntry(sequence: Int64($0.offset) + 1, time: $0.element.element.time, event: $0.element.element.event) }
    }

    /// A report context for the synthetic run; `capacity` adds sweep points.
    static func context(run: String = "2026-11-25T10-00-00Z", capacity: [CapacityPoint] = []) -> ReportContext {
        ReportContext(
            scenario: "random-kills", run: run,
            settings: [
                ReportSetting("offered rate", "20000 orders/s"),
                ReportSetting("sink", "postgres://sluice:hunter2@localhost:5433/orders"),
                ReportSetting("sink password", "hunter2"),
            ],
            batchIntervalMicroseconds: intervalMicroseconds,
            machine: MachineFacts(cores: 2, memoryBytes: 24 << 30, operatingSystem: "Debian GNU/Linux 12 (bookworm)", swiftVersion: "6.3", allocator: "jemalloc"),
            capacity: capacity
        )
    }

    /// Sweep points shaped like a real sweep: each interval keeps up to a knee, then falls behind.
    static var capacityPoints: [CapacityPoint] {
        [(100_000, 400_000.0), (1_000_000, 900_000), (5_000_000, 1_400_000)].flatMap { interval, knee in
            stride(from: 200_000.0, through: 1_600_000, by: 200_000).map { offered in
                let sustained = min(offered, knee + (offered - knee) * 0.1)
                let base = Int64(interval) * 3 / 2
                let p99 = offered <= knee ? base : base * Int64(2 + (offered - knee) / 100_000)
                return CapacityPoint(
                    batchIntervalMicroseconds: Int64(interval), offeredRate: offered, sustainedRate: sustained,
                    latency: LatencySummary(count: 1000, p50: base / 2, p90: base, p99: p99, p999: p99 * 2, maximum: p99 * 3)
                )
            }
        }
    }
}
