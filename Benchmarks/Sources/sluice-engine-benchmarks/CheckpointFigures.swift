import Foundation
import SluiceCore

/// The disk's floor for a checkpointed batch: one durable atomic write (temporary file, fsync, rename,
/// fsync of the directory) of a small offsets entry, through the metadata log. Returns it in ms.
@discardableResult
func durableWriteFigure() throws -> Double {
    let checkpointDirectory = NSTemporaryDirectory() + "sluice-bench-checkpoint-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: checkpointDirectory) }
    let offsetsLog = MetadataLog<[String: Int64]>(directory: checkpointDirectory + "/offsets")
    var nextBatch: Int64 = 0
    let durableWrite = try medianMilliseconds(runs: 21) {
        try offsetsLog.add(["orders": nextBatch * 10_000], for: BatchID(nextBatch))
        nextBatch += 1
    }
    line("checkpoint: durable offsets entry (fsync, rename, fsync dir)", durableWrite, "ms", "the disk's fsync floor")
    return durableWrite
}

/// A restart's state load: 100,000 keys from a snapshot, read, checked and decoded into a record batch
/// (the fault-tolerance issue asks for a first new batch under 300 ms with this much state); and what
/// writing that snapshot costs.
func stateLoadFigures() throws {
    let stateDirectory = NSTemporaryDirectory() + "sluice-bench-state-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
    let store = VersionedStateStore(directory: stateDirectory, snapshotInterval: 1)
    let state = windowedCountState(keys: 100_000)
    let noChanges = RecordBatchCodec.encode([RecordBatch.empty(state.schema), RecordBatch.empty(state.schema)])
    var version: Int64 = 0
    let write = try medianMilliseconds {
        version += 1
        try store.commit(version: version, delta: noChanges) { RecordBatchCodec.encode(state) }
    }
    let bytes = FileManager.default.contents(atPath: "\(stateDirectory)/\(version).snapshot")?.count ?? 0
    line("checkpoint: write a snapshot of 100,000 state keys (\(bytes / 1000) kB)", write, "ms", "every snapshot interval")
    let load = try medianMilliseconds {
        let chain = try store.load(version: version)
        guard let snapshot = chain.snapshot else { fatalError("state benchmark: no snapshot at version \(version)") }
        let loaded = try RecordBatchCodec.decode(snapshot.payload, path: "\(stateDirectory)/\(snapshot.version).snapshot")
        precondition(loaded.rowCount == state.rowCount, "state benchmark: \(loaded.rowCount) keys loaded")
    }
    line("checkpoint: load 100,000 state keys from a snapshot", load, "ms", "part of < 300 ms restart")
}

/// A windowed count's state of `keys` distinct keys: symbol and client, the window's start (hourly), the
/// count so far.
func windowedCountState(keys: Int) -> RecordBatch {
    let symbols = ["AAPL", "AMZN", "EPE", "GOOG", "META", "MSFT", "NFLX", "NVDA", "ORCL", "TSLA"]
    var key = StringColumnBuilder(capacity: keys)
    var windowStart = PrimitiveColumnBuilder<Int64>(capacity: keys)
    var count = PrimitiveColumnBuilder<Int64>(capacity: keys)
    let firstHour: Int64 = 1_700_000_000_000_000 / 3_600_000_000 * 3_600_000_000
    for index in 0 ..< keys {
        key.append("\(symbols[index % symbols.count])/client-\(index / symbols.count)")
        windowStart.append(firstHour + Int64(index % 24) * 3_600_000_000)
        count.append(Int64(index % 997 + 1))
    }
    let schema = Schema([Field("key", .string), Field("window_start", .timestamp), Field("count", .int64)])
    do {
        return try RecordBatch(schema: schema, columns: [.string(key.finish()), .timestamp(windowStart.finish()), .int64(count.finish())])
    } catch {
        fatalError("state benchmark: \(error)")
    }
}
