import SluiceCore
import Synchronization

/// A `TransactionalTable` in memory: each batch id is written once, whatever the number of attempts.
final class MemoryTable: TransactionalTable {
    let name: String
    private let state = Mutex(State())

    private struct State {
        var rows: [[Value]] = []
        var committed: [BatchID] = []
        /// Every write called, with whether it wrote.
        var attempts: [(batch: BatchID, wrote: Bool)] = []
    }

    init(name: String) { self.name = name }

    @discardableResult
    func write(batch: BatchID, rows batches: [RecordBatch], schema: Schema, mode: TableWriteMode) throws -> Bool {
        state.withLock { state in
            guard !state.committed.contains(batch) else {
                state.attempts.append((batch, false))
                return false
            }
            let rows = batches.flatMap(\.rows)
            switch mode {
            case .append:
                state.rows += rows
            case .replace:
                state.rows = rows
            case .upsert(let keys):
                let positions = keys.compactMap(schema.index(of:))
                for row in rows {
                    let key = positions.map { row[$0] }
                    if let existing = state.rows.firstIndex(where: { existing in positions.map { existing[$0] } == key }) {
                        state.rows[existing] = row
                    } else {
                        state.rows.append(row)
                    }
                }
            }
            state.committed.append(batch)
            state.attempts.append((batch, true))
            return true
        }
    }

    func lastCommittedBatch() throws -> BatchID? { state.withLock { $0.committed.max() } }

    var rows: [[Value]] { state.withLock { $0.rows } }
    var committedBatches: [BatchID] { state.withLock { $0.committed } }
    var attempts: [(batch: BatchID, wrote: Bool)] { state.withLock { $0.attempts } }
}
