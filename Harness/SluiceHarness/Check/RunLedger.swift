import SluiceCore

/// The facts of a history the checkers need, gathered in one pass: each batch's offsets, starts and
/// commit, the sink writes in order, what was produced, and the query named.
public struct RunLedger: Sendable {
    /// Each batch's end offsets by source, as last written.
    public private(set) var offsets: [BatchID: [String: String]] = [:]
    /// The batches committed.
    public private(set) var committed: Set<BatchID> = []
    /// How often each batch started: more than once after a kill cut it short.
    public private(set) var starts: [BatchID: Int] = [:]
    /// The sink writes, in history order.
    public private(set) var sinkWrites: [SinkWrite] = []
    /// The `produced` lines, in history order.
    public private(set) var produced: [HistoryEvent.Produced] = []
    /// The query names the `sinkRows` lines give.
    public private(set) var queryNames: Set<String> = []
    /// Late rows the committed batches dropped.
    public private(set) var lateRowsDropped: Int64 = 0

    /// One batch's rows as the sink received them: `sinkRows` lines of the same batch with no other line
    /// between them (a large output split over several lines). A batch run again after a kill writes
    /// again, after other lines, and so makes a write of its own.
    public struct SinkWrite: Sendable, Equatable {
        public var batch: BatchID
        public var rows: [[String: JSONScalar]]
        /// Row files the lines name that were not given, so their rows are not in `rows`.
        public var missingFiles: [String]
    }

    /// Gathers `entries`; `sinkRowFiles` holds the rows of the files `sinkRows` lines name, by the path
    /// the line gives.
    public init(entries: [HistoryEntry], sinkRowFiles: [String: [[String: JSONScalar]]] = [:]) {
        var previousWasSinkRows = false
        for entry in entries {
            defer {
                if case .sinkRows = entry.event { previousWasSinkRows = true } else { previousWasSinkRows = false }
            }
            switch entry.event {
            case .produced(let produced): self.produced.append(produced)
            case .batchStarted(let started): starts[started.batch, default: 0] += 1
            case .offsetsWritten(let written): offsets[written.batch] = written.ends
            case .batchCommitted(let commit):
                committed.insert(commit.batch)
                lateRowsDropped += commit.lateRowsDropped
            case .sinkRows(let sinkRows): addSinkRows(sinkRows, files: sinkRowFiles, continuing: previousWasSinkRows)
            case .latency, .faultInjected, .processExited, .restarted, .checkResult: break
            }
        }
    }

    /// The latest batch committed.
    public var lastCommitted: BatchID? { committed.max() }

    private mutating func addSinkRows(_ sinkRows: HistoryEvent.SinkRows, files: [String: [[String: JSONScalar]]], continuing: Bool) {
        if let query = sinkRows.query { queryNames.insert(query) }
        var rows: [[String: JSONScalar]] = []
        var missing: [String] = []
        switch sinkRows.content {
        case .rows(let inline): rows = inline
        case .path(let path):
            if let stored = files[path] { rows = stored } else { missing.append(path) }
        }
        if continuing, let last = sinkWrites.last, last.batch == sinkRows.batch {
            sinkWrites[sinkWrites.count - 1].rows += rows
            sinkWrites[sinkWrites.count - 1].missingFiles += missing
        } else {
            sinkWrites.append(SinkWrite(batch: sinkRows.batch, rows: rows, missingFiles: missing))
        }
    }
}
