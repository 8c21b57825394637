import Foundation
import SluiceCore
import SluiceJobs

/// Runs `sluice-job` as a child process on the run's checkpoint, kills it (at the scenario's fault
/// points through `SLUICE_FAULT`, or with SIGKILL at seeded random times), restarts it after every
/// planned death, and writes what happens to the history: the job's batches (from its `--events`
/// lines), the sink table after each committed batch, latencies, faults, exits and restarts.
final class Nemesis {
    /// How the job's run ended.
    enum Outcome: Equatable {
        /// It read the whole input and exited with status 0.
        case finished
        /// It died without a planned fault, and was not restarted.
        case crashed
    }

    private let plan: RunPlan
    private let executable: String
    private let history: HistoryWriter
    private let start: ContinuousClock.Instant
    private let startWall: Int64
    private let schedule: DeliverySchedule
    private let files: [String: ScheduledFile]
    private let sink: SinkSnapshot
    private let deadline: Int64
    private var pointPlans: [FaultPlan]
    private var killTimes: [Int64]
    private var attempt = 0
    private var pendingRestart: (pid: Int32, at: Int64, downtime: Int64)?
    /// The next batch whose offsets the history lacks.
    private var nextOffsets: Int64 = 0

    /// `start` and `startWall` are the run's start on the monotonic and the wall clock.
    init(plan: RunPlan, executable: String, history: HistoryWriter, start: ContinuousClock.Instant, startWall: Int64) {
        self.plan = plan
        self.executable = executable
        self.history = history
        self.start = start
        self.startWall = startWall
        schedule = DeliverySchedule(rate: plan.scenario.rate)
        let scheduled = plan.files
        files = Dictionary(uniqueKeysWithValues: scheduled.map { ($0.name, $0) })
        sink = SinkSnapshot(path: plan.sinkPath, table: plan.table, query: plan.query)
        deadline = (scheduled.last?.scheduledEnd ?? 0) + 120_000_000
        switch plan.scenario.faults {
        case .none: (pointPlans, killTimes) = ([], [])
        case .points(let plans): (pointPlans, killTimes) = (plans, [])
        case .randomKills(let kills): (pointPlans, killTimes) = ([], KillSchedule.times(kills))
        }
    }

    private var now: Int64 { (ContinuousClock.now - start).microseconds }

    /// Runs the job until it finishes or crashes unplanned; throws if it cannot be started or does not
    /// finish within two minutes of the last delivery.
    func run() throws -> Outcome {
        var (process, armed) = try launch()
        var tail = JobEventTail(path: plan.eventsPath(attempt: attempt))
        while true {
            try record(tail.newEvents(), pid: process.processIdentifier)
            if let kill = killTimes.first, now >= kill, process.isRunning {
                killTimes.removeFirst()
                try flushRestart()
                try history.append(.faultInjected(.init(fault: .random, batch: nil, pid: process.processIdentifier)))
                Foundation.kill(process.processIdentifier, SIGKILL)
            }
            if process.isRunning {
                guard now < deadline else {
                    Foundation.kill(process.processIdentifier, SIGKILL)
                    throw RunError("the job did not finish within 2 minutes of the last delivery; see \(plan.folder)/job/")
                }
                Thread.sleep(forTimeInterval: 0.005)
                continue
            }
            process.waitUntilExit()
            try record(tail.newEvents(), pid: process.processIdentifier)
            let ended = now
            let pid = process.processIdentifier
            let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
            try flushRestart()
            if let armed, signal == SIGKILL {
                try history.append(.faultInjected(.init(fault: .point(armed.point), batch: armed.batch, pid: pid)), at: ended)
            }
            try history.append(.processExited(.init(pid: pid, signal: signal, status: signal == nil ? process.terminationStatus : nil)), at: ended)
            let killedByUs = signal == SIGKILL
            if signal == nil, process.terminationStatus == 0 { return .finished }
            guard killedByUs else { return .crashed }
            attempt += 1
            (process, armed) = try launch()
            tail = JobEventTail(path: plan.eventsPath(attempt: attempt))
            pendingRestart = (process.processIdentifier, now, now - ended)
        }
    }

    /// Starts the job's next process, armed with the next fault point if any.
    private func launch() throws -> (Process, FaultPlan?) {
        let armed = pointPlans.isEmpty ? nil : pointPlans.removeFirst()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = plan.jobArguments(attempt: attempt)
        var environment = ProcessInfo.processInfo.environment
        environment[FaultInjector.environmentVariable] = armed?.description
        process.environment = environment
        let logPath = "\(plan.folder)/job/job-\(attempt).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw RunError("cannot start \(executable): \(error.localizedDescription)")
        }
        return (process, armed)
    }

    /// Writes the lines of the job's committed batches, the sink after each, and the latencies.
    private func record(_ events: [JobBatchEvent], pid: Int32) throws {
        for event in events {
            let batch = BatchID(event.batch)
            let commit = event.commitTime - startWall
            try recordMissedOffsets(before: event.batch, at: event.startTime - startWall)
            nextOffsets = max(nextOffsets, event.batch + 1)
            try history.append(.batchStarted(.init(batch: batch, triggerTime: event.triggerTime - startWall, rows: event.rows)), at: event.startTime - startWall)
            try history.append(.offsetsWritten(.init(batch: batch, ends: event.ends)), at: event.startTime - startWall)
            try history.append(.batchCommitted(.init(
                batch: batch, processingMicroseconds: event.commitTime - event.startTime,
                schedulingDelayMicroseconds: event.startTime - event.triggerTime, totalDelayMicroseconds: event.commitTime - event.triggerTime,
                stateRows: event.stateRows, lateRowsDropped: event.lateRowsDropped, malformedLines: event.malformedLines, sinkRows: 0
            )), at: commit)
            if let restart = pendingRestart, restart.pid == pid {
                try history.append(.restarted(.init(pid: pid, downtimeMicroseconds: restart.downtime, firstBatchMicroseconds: commit - restart.at)), at: restart.at)
                pendingRestart = nil
            }
            if let rows = try sink.rows(ifLastCommitted: batch) {
                try history.append(.sinkRows(.init(batch: batch, content: .rows(rows), query: plan.query.rawValue)))
            }
            let (records, latencies) = latencySamples(ends: event.ends, commit: commit)
            if !records.isEmpty {
                try history.append(.latency(.init(batch: batch, records: records, latencyMicroseconds: latencies)), at: commit)
            }
        }
    }

    /// Writes the offsets of batches before `batch` that a kill kept the job from reporting (it died
    /// after committing them but before writing their event line), read from the checkpoint's `offsets/N`.
    private func recordMissedOffsets(before batch: Int64, at time: Int64) throws {
        let log = MetadataLog<OffsetsEntry>(directory: CheckpointPaths(root: plan.checkpoint).offsets)
        while nextOffsets < batch {
            if let entry = try? log.get(BatchID(nextOffsets)), let first = entry.sources.first, let range = first {
                try history.append(.offsetsWritten(.init(batch: BatchID(nextOffsets), ends: [JobBatchEvent.sourceName: range.end.json])), at: time)
            }
            nextOffsets += 1
        }
    }

    /// A restart whose process never committed a batch is written without a first batch.
    private func flushRestart() throws {
        guard let restart = pendingRestart else { return }
        try history.append(.restarted(.init(pid: restart.pid, downtimeMicroseconds: restart.downtime, firstBatchMicroseconds: nil)), at: restart.at)
        pendingRestart = nil
    }

    /// Up to 200 orders of each file the batch read, with the time from each one's scheduled time to
    /// the batch's commit.
    private func latencySamples(ends: [String: String], commit: Int64) -> ([Int64], [Int64]) {
        guard let json = ends[JobBatchEvent.sourceName], let cut = try? JSONDecoder().decode(FileCut.self, from: Data(json.utf8)) else { return ([], []) }
        var records: [Int64] = []
        var latencies: [Int64] = []
        for name in cut.files {
            guard let file = files[name] else { continue }
            let step = max(1, file.records / 200)
            for order in stride(from: file.firstOrder, through: file.lastOrder, by: Int(step)) {
                guard let due = schedule.scheduledTime(ofOrder: order) else { continue }
                records.append(order)
                latencies.append(commit - due)
            }
        }
        return (records, latencies)
    }

    /// A directory source's end offset: the files its cut read.
    private struct FileCut: Decodable {
        let files: [String]
    }
}
