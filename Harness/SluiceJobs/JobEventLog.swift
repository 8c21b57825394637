import Foundation
import SluiceCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends a job's committed batches to its `--events` file, one ``JobBatchEvent`` JSON line each,
/// handed to the kernel with one `write(2)` so a reader in another process sees whole lines (a kill can
/// tear only the line being written). The slice ends come from the checkpoint's `offsets/N`.
final class JobEventLog: Sendable {
    private let descriptor: Int32
    private let offsets: MetadataLog<OffsetsEntry>
    private let tick = Mutex<Int64>(0)

    /// Opens (or creates) `path` for appending; `checkpoint` is the job's checkpoint directory.
    init(path: String, checkpoint: String) throws(JobSpecError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw JobSpecError(option: "--events", problem: "cannot open \(path): \(String(cString: strerror(errno)))") }
        offsets = MetadataLog(directory: CheckpointPaths(root: checkpoint).offsets)
    }

    deinit { close(descriptor) }

    /// The wall clock now, µs since the epoch.
    static var now: Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The tick the next batches run for, set by the pacing loop before it runs them.
    var triggerTime: Int64 {
        get { tick.withLock { $0 } }
        set { tick.withLock { $0 = newValue } }
    }

    /// Appends the line of `batch`; its slice ends are read from the checkpoint.
    func append(batch: BatchID, startTime: Int64, rows: Int, stateRows: Int, lateRowsDropped: Int, malformedLines: Int) {
        let commitTime = Self.now
        let trigger = min(triggerTime == 0 ? startTime : triggerTime, startTime)
        var ends: [String: String] = [:]
        if let entry = try? offsets.get(batch), let first = entry.sources.first, let range = first {
            ends[JobBatchEvent.sourceName] = range.end.json
        }
        let event = JobBatchEvent(
            batch: batch.rawValue, triggerTime: trigger, startTime: startTime, commitTime: commitTime, rows: Int64(rows),
            stateRows: Int64(stateRows), lateRowsDropped: Int64(lateRowsDropped), malformedLines: Int64(malformedLines), ends: ends
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(event) else { return }
        line.append(UInt8(ascii: "\n"))
        try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: line)
    }
}
