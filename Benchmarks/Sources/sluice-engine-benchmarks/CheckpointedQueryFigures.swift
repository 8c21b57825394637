import Foundation
import SluiceCore
import SluiceOrders
import SluiceSQLite
import SluiceStructured
import Synchronization

// The checkpoint's cost as a running query pays it (issue #5): per batch of the lecture's windowed
// count, and a restart with 100,000 state keys to the end of its first new batch.

/// Notes when each batch of a query ends, with the fsync time of the writes the batch waits for
/// (`offsets/N` and the state delta) so far.
private final class BatchEnds: StreamingQueryListener {
    let ends = Mutex<[(time: ContinuousClock.Instant, criticalFsync: Double)]>([])

    func queryProgress(_ progress: StreamingQueryProgress) {
        let criticalFsync = FsyncTally.counts.milliseconds(.offsets, .stateDelta)
        ends.withLock { $0.append((.now, criticalFsync)) }
    }
}

/// One run of the windowed count over every file of `orders`: each batch's wall time (from the end
/// of the previous batch, or from the first `processAllAvailable`, to the end of the batch's progress
/// report), the fsync time it waited for, and the run's durable writes.
private struct WindowedRun {
    var batchMilliseconds: [Double] = []
    var criticalFsyncMilliseconds: [Double] = []
    var fsyncs = FsyncCounts()
    /// CPU time per batch of the batch thread, and of the whole process (every thread, user and system,
    /// the background writes that `stop()` waits for included).
    var batchThreadCPUMilliseconds = 0.0
    var processCPUMilliseconds = 0.0
    /// Times of creating a file (`open` with `O_CREAT`, as the background writer does for the prepared
    /// temporary files) in the run's `offsets` and state directories once it stopped, before they are removed.
    var fileCreationMilliseconds: [Double] = []
}

private func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

private func processCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}

private func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}

private func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "checkpoint benchmark: no values")
    return values.sorted()[values.count / 2]
}

/// `orders.withWatermark("time", .minutes(10)).groupBy(col("buy"), window(col("time"), .hours(1),
/// slide: .minutes(5))).count()` in update mode, one file per batch, into a no-op `foreachBatch` or a
/// SQLite table, with or without a checkpoint.
private func windowedCountRun(orders: String, checkpointed: Bool, sqlite: Bool) throws -> WindowedRun {
    let scratch = NSTemporaryDirectory() + "sluice-bench-windowed-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let session = Session()
    let counts = session.readStream.files(directory: orders, decoder: OrderParser(), maxFilesPerTrigger: 1)
        .withWatermark("time", .minutes(10))
        .groupBy(col("buy"), window(col("time"), .hours(1), slide: .minutes(5)))
        .count()
    let ends = BatchEnds()
    var writer = counts.writeStream.outputMode(.update).listener(ends)
    writer = sqlite
        ? writer.sink(SQLiteSink(path: scratch + "/counts.db", table: "counts", keyColumns: ["buy", "window.start", "window.end"]))
        : writer.foreachBatch { _, _ in }
    if checkpointed { writer = writer.checkpointLocation(scratch + "/checkpoint") }
    let query = try writer.start(driving: .caller)
    FsyncTally.reset()
    let processCPU = processCPUMilliseconds()
    let batchThreadCPU = threadCPUMilliseconds()
    let start = ContinuousClock.now
    try query.processAllAvailable()
    let batchThreadCPUPerBatch = (threadCPUMilliseconds() - batchThreadCPU) / Double(ends.ends.withLock(\.count))
    query.stop()  // finishes the background writes (commits, files log, snapshots)
    if let error = query.exception { throw error }
    var run = WindowedRun(fsyncs: FsyncTally.counts, batchThreadCPUMilliseconds: batchThreadCPUPerBatch,
                          processCPUMilliseconds: (processCPUMilliseconds() - processCPU) / Double(ends.ends.withLock(\.count)))
    if checkpointed {
        for directory in ["offsets", "state/0/0"] {
            for index in 0 ..< 5 {
                let began = ContinuousClock.now
                let descriptor = open("\(scratch)/checkpoint/\(directory)/probe-\(index).sluice-tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                run.fileCreationMilliseconds.append(milliseconds(ContinuousClock.now - began))
                if descriptor >= 0 { close(descriptor) }
            }
        }
    }
    var previous = (time: start, criticalFsync: 0.0)
    for end in ends.ends.withLock({ $0 }) {
        run.batchMilliseconds.append(milliseconds(end.time - previous.time))
        run.criticalFsyncMilliseconds.append(end.criticalFsync - previous.criticalFsync)
        previous = end
    }
    return run
}

/// Per-batch cost of checkpointing the lecture's windowed count: `batches` files of `ordersPerBatch`
/// orders, each query run `runs` times without and with a checkpoint (interleaved), into a no-op
/// sink (the checkpoint alone) and into SQLite (the state delta beside the sink's own commit).
/// `durableWrite` is the disk's floor measured by `durableWriteFigure`.
func checkpointedWindowedCountFigures(durableWrite: Double, batches: Int = 50, ordersPerBatch: Int = 2000, runs: Int = 7) throws {
    let orders = NSTemporaryDirectory() + "sluice-bench-orders-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: orders, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: orders) }
    let text = OrderGenerator.generate(.init(count: batches * ordersPerBatch, seed: 20_160_322)).text
    var start = 0
    var lines = 0
    for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
        lines += 1
        if lines % ordersPerBatch == 0 {
            let name = String(format: "orders-%04d.txt", lines / ordersPerBatch - 1)
            try Data(text[start ... index]).write(to: URL(fileURLWithPath: orders + "/" + name))
            start = index + 1
        }
    }

    var plain: [WindowedRun] = [], checkpointed: [WindowedRun] = []
    var sqlite: [WindowedRun] = [], sqliteCheckpointed: [WindowedRun] = []
    for _ in 0 ..< runs {
        plain.append(try windowedCountRun(orders: orders, checkpointed: false, sqlite: false))
        checkpointed.append(try windowedCountRun(orders: orders, checkpointed: true, sqlite: false))
        sqlite.append(try windowedCountRun(orders: orders, checkpointed: false, sqlite: true))
        sqliteCheckpointed.append(try windowedCountRun(orders: orders, checkpointed: true, sqlite: true))
    }
    for run in plain + checkpointed + sqlite + sqliteCheckpointed where run.batchMilliseconds.count != batches {
        fatalError("checkpoint benchmark: a run of the windowed count ran \(run.batchMilliseconds.count) batches, not \(batches)")
    }

    let a = median(plain.flatMap(\.batchMilliseconds))
    let b = median(checkpointed.flatMap(\.batchMilliseconds))
    let label = "\(batches) batches of \(ordersPerBatch / 1000)k orders"
    line("checkpoint: windowed count per batch, (a) no checkpoint", a, "ms", "\(label), no-op sink")
    line("checkpoint: windowed count per batch, (b) checkpointed", b, "ms", "(a) + 2 durable writes + < 1 ms")
    line("checkpoint: added per batch, (b) − (a)", b - a, "ms", "2 × the fsync floor + < 1 ms")
    line("checkpoint: beyond 2 durable writes, (b) − (a) − 2 × floor", b - a - 2 * durableWrite, "ms per batch", "< 1")
    let critical = checkpointed.flatMap(\.criticalFsyncMilliseconds)
    let beyondMeasured = zip(checkpointed.flatMap(\.batchMilliseconds), critical).map { $0 - $1 }
    line("checkpoint: fsync time waited per batch (offsets, state delta)", median(critical), "ms per batch", "2 rounds, each file + dir")
    line("checkpoint: beyond its own fsyncs, median(b − fsync) − (a)", median(beyondMeasured) - a, "ms per batch", "< 1")
    let fileCreation = median(checkpointed.flatMap(\.fileCreationMilliseconds))
    line("checkpoint: creating a file in a run's checkpoint directories", fileCreation, "ms", "prepared ahead, off the batch's path")
    line("checkpoint: CPU per batch on the batch thread, (b) − (a)",
         median(checkpointed.map(\.batchThreadCPUMilliseconds)) - median(plain.map(\.batchThreadCPUMilliseconds)), "ms per batch", "< 1")
    line("checkpoint: CPU per batch of all threads, (b) − (a)",
         median(checkpointed.map(\.processCPUMilliseconds)) - median(plain.map(\.processCPUMilliseconds)), "ms per batch", "background writes included")

    let counted = checkpointed.map(\.fsyncs)
    if counted.contains(where: { !$0.writes.isEmpty }) {
        let total = Double(batches * runs)
        func writes(_ kinds: [DurableWriteKind], batchThread: Bool = false) -> Double {
            Double(counted.reduce(0) { sum, counts in
                sum + kinds.reduce(0) { $0 + ((batchThread ? counts.writesOnBatchThread : counts.writes)[$1] ?? 0) }
            }) / total
        }
        line("checkpoint: durable writes per batch on the batch thread", writes(DurableWriteKind.allCases, batchThread: true), "writes", "1: offsets/N")
        line("checkpoint: durable writes per batch awaited beside the sink", writes([.stateDelta]), "writes", "1: the state delta")
        line("checkpoint: durable writes per batch in the background", writes([.commits, .sourceLog, .snapshot, .metadata, .other]),
             "writes", "commits/N, files log, snapshots")
    } else {
        print("checkpoint: durable writes not counted (the engine's fsync calls did not reach the benchmark's counter)")
    }

    let c = median(sqlite.flatMap(\.batchMilliseconds))
    let d = median(sqliteCheckpointed.flatMap(\.batchMilliseconds))
    line("checkpoint: windowed count per batch into SQLite, no checkpoint", c, "ms", "the sink's own commit (WAL, FULL)")
    line("checkpoint: windowed count per batch into SQLite, checkpointed", d, "ms", "")
    line("checkpoint: added per batch with SQLite, checkpointed − not", d - c, "ms", "≈ 1 floor: state beside the commit")
}

/// A restart with 100,000 state keys: a checkpoint of `groupBy(clientId, symbol).count()` (update
/// mode, snapshot every 5 versions) after 8 batches — 2 of 50,000 new keys each, then 6 of 2,000
/// orders over them — holds a snapshot at version 5 and deltas 6 to 8. Each of `runs` restarts takes a
/// fresh copy of it and times `start()` (lock, recovery plan, state load, decode, restore) and then the
/// first new batch (1,000 orders), which ends with its offsets and state delta durable.
func restartFigures(runs: Int = 7) throws {
    let keys = 100_000
    let root = NSTemporaryDirectory() + "sluice-bench-restart-" + UUID().uuidString
    let orders = root + "/orders", original = root + "/checkpoint", restarted = root + "/restarted"
    try FileManager.default.createDirectory(atPath: orders, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let symbols = Array(OrderGenerator.tickerSymbols.prefix(10))
    var orderId: Int64 = 0
    func writeOrders(_ file: Int, keys: [Int]) throws {
        var text: [UInt8] = []
        for key in keys {
            orderId += 1
            Order(time: OrderGenerator.Configuration.lectureStartTime + orderId / 100 * 1_000_000, orderId: orderId,
                  clientId: Int64(key / symbols.count + 1), symbol: symbols[key % symbols.count], amount: 100,
                  price: 10.5, isBuy: orderId % 2 == 0).appendLine(to: &text)
        }
        try Data(text).write(to: URL(fileURLWithPath: orders + String(format: "/orders-%02d.txt", file)))
    }
    try writeOrders(0, keys: Array(0 ..< keys / 2))
    try writeOrders(1, keys: Array(keys / 2 ..< keys))
    for file in 2 ..< 8 { try writeOrders(file, keys: (0 ..< 2000).map { ($0 * 7919 + file * 104_729) % keys }) }

    let options = CheckpointCoordinator.Options(snapshotInterval: 5, log: { _ in })
    func writer(_ checkpoint: String) -> DataStreamWriter {
        Session().readStream.files(directory: orders, decoder: OrderParser(), maxFilesPerTrigger: 1)
            .groupBy(col("clientId"), col("symbol")).count()
            .writeStream.outputMode(.update).foreachBatch { _, _ in }.checkpointLocation(checkpoint, options: options)
    }
    let first = try writer(original).start(driving: .caller)
    try first.processAllAvailable()
    first.stop()
    guard first.lastProgress?.stateOperator?.numRowsTotal == keys else {
        fatalError("restart benchmark: the first run holds \(first.lastProgress?.stateOperator?.numRowsTotal ?? 0) keys, not \(keys)")
    }
    let stateFiles = try FileManager.default.contentsOfDirectory(atPath: original + "/state/0/0").sorted()
    guard stateFiles.contains("5.snapshot"), stateFiles.contains("8.delta") else {
        fatalError("restart benchmark: expected a snapshot at version 5 and deltas to 8, found \(stateFiles)")
    }
    let snapshotBytes = (try FileManager.default.attributesOfItem(atPath: original + "/state/0/0/5.snapshot")[.size] as? Int) ?? 0
    try writeOrders(8, keys: (0 ..< 1000).map { $0 * 97 % keys })

    var starts: [Double] = [], firstBatches: [Double] = []
    for _ in 0 ..< runs {
        try? FileManager.default.removeItem(atPath: restarted)
        try FileManager.default.copyItem(atPath: original, toPath: restarted)
        let prepared = writer(restarted)
        let begin = ContinuousClock.now
        let query = try prepared.start(driving: .caller)
        let started = ContinuousClock.now
        try query.processAllAvailable()
        let ended = ContinuousClock.now
        query.stop()
        guard let progress = query.lastProgress, progress.batchId == BatchID(8), progress.numInputRows == 1000,
              progress.stateOperator?.numRowsTotal == keys else {
            fatalError("restart benchmark: the restarted query did not run batch 8 of 1,000 orders over \(keys) keys: \(String(describing: query.lastProgress))")
        }
        starts.append(milliseconds(started - begin))
        firstBatches.append(milliseconds(ended - begin))
    }
    line("checkpoint: restart, 100,000 keys: start() (restores state)", median(starts), "ms", "\(snapshotBytes / 1000) kB snapshot + 3 deltas")
    line("checkpoint: restart, 100,000 keys: start() to end of first batch", median(firstBatches), "ms", "< 300")
}
