import Foundation
import SluiceJobs

/// Follows a job's `--events` file as the job appends to it, returning the whole lines that arrived
/// since the last call; a torn last line (the job was killed while writing it) is never returned.
final class JobEventTail {
    let path: String
    private var offset: UInt64 = 0
    private var pending: [UInt8] = []

    init(path: String) {
        self.path = path
    }

    /// The batches whose lines arrived since the last call; lines that do not decode are skipped.
    func newEvents() -> [JobBatchEvent] {
        guard let file = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? file.close() }
        guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.readToEnd(), !data.isEmpty else { return [] }
        offset += UInt64(data.count)
        pending += data
        guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = pending[...lastNewline]
        pending = Array(pending[(lastNewline + 1)...])
        let decoder = JSONDecoder()
        return complete.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JobBatchEvent.self, from: Data($0)) }
    }
}
