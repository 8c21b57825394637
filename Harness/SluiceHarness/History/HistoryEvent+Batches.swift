import SluiceCore

extension HistoryEvent {
    /// The job started `batch` for the trigger at `triggerTime` (µs since the run started) over `rows`
    /// input rows. A batch run again after a restart starts again.
    public struct BatchStarted: Sendable, Equatable, Codable {
        public var batch: BatchID
        public var triggerTime: Int64
        public var rows: Int64

        public init(batch: BatchID, triggerTime: Int64, rows: Int64) {
            self.batch = batch
            self.triggerTime = triggerTime
            self.rows = rows
        }
    }

    /// `batch`'s offsets are durable: `ends` maps each source's name to the end offset of its slice, the
    /// source's own JSON text (``SourceOffset/json``).
    public struct OffsetsWritten: Sendable, Equatable, Codable {
        public var batch: BatchID
        public var ends: [String: String]

        public init(batch: BatchID, ends: [String: String]) {
            self.batch = batch
            self.ends = ends
        }
    }

    /// `batch` is committed. Durations are µs: `processingMicroseconds` from the batch's start to its
    /// commit, `schedulingDelayMicroseconds` from its trigger time to its start, and
    /// `totalDelayMicroseconds` from its trigger time to its commit. `stateRows` is the state's size
    /// after the batch; the other counts are the batch's own.
    public struct BatchCommitted: Sendable, Equatable, Codable {
        public var batch: BatchID
        public var processingMicroseconds: Int64
        public var schedulingDelayMicroseconds: Int64
        public var totalDelayMicroseconds: Int64
        public var stateRows: Int64
        public var lateRowsDropped: Int64
        public var malformedLines: Int64
        public var sinkRows: Int64

        public init(
            batch: BatchID, processingMicroseconds: Int64, schedulingDelayMicroseconds: Int64, totalDelayMicroseconds: Int64,
            stateRows: Int64, lateRowsDropped: Int64, malformedLines: Int64, sinkRows: Int64
        ) {
            self.batch = batch
            self.processingMicroseconds = processingMicroseconds
            self.schedulingDelayMicroseconds = schedulingDelayMicroseconds
            self.totalDelayMicroseconds = totalDelayMicroseconds
            self.stateRows = stateRows
            self.lateRowsDropped = lateRowsDropped
            self.malformedLines = malformedLines
            self.sinkRows = sinkRows
        }
    }

    /// What `batch` wrote to the sink: the rows themselves (`rows`, each a column → value object), or
    /// for large outputs the `path` of a file that holds them, one JSON object a line, relative to the
    /// history's folder. The optional `query` names the query whose result rows they are
    /// (`"query":"count-buys"`), so a checker knows which reference answer to compare them with.
    public struct SinkRows: Sendable, Equatable, Codable {
        public var batch: BatchID
        public var content: Content
        /// The query the rows answer, as the job's `--query` spells it.
        public var query: String?

        /// Where the rows are.
        public enum Content: Sendable, Equatable {
            /// The rows, in the line itself.
            case rows([[String: JSONScalar]])
            /// A file holding the rows.
            case path(String)
        }

        public init(batch: BatchID, content: Content, query: String? = nil) {
            self.batch = batch
            self.content = content
            self.query = query
        }

        private enum CodingKeys: String, CodingKey {
            case batch, rows, path, query
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            batch = try container.decode(BatchID.self, forKey: .batch)
            query = try container.decodeIfPresent(String.self, forKey: .query)
            if let rows = try container.decodeIfPresent([[String: JSONScalar]].self, forKey: .rows) {
                content = .rows(rows)
            } else if let path = try container.decodeIfPresent(String.self, forKey: .path) {
                content = .path(path)
            } else {
                throw DecodingError.dataCorruptedError(forKey: .rows, in: container, debugDescription: "expected 'rows' or 'path'")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(batch, forKey: .batch)
            try container.encodeIfPresent(query, forKey: .query)
            switch content {
            case .rows(let rows): try container.encode(rows, forKey: .rows)
            case .path(let path): try container.encode(path, forKey: .path)
            }
        }
    }
}
