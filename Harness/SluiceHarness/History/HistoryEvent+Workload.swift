import SluiceCore

extension HistoryEvent {
    /// The replayer offered `records` records, order ids `firstOrder...lastOrder`, whose scheduled send
    /// times run from `scheduledStart` to `scheduledEnd` (µs since the run started). Latency is measured
    /// from a record's scheduled time, so a stalled engine cannot hide its delay.
    ///
    /// Three optional fields let a checker map the job's offsets back to orders: `file`, the input file
    /// the records were written as (directory sources), or `producer`, the in-process producer that sent
    /// them as its next `records` rows (sequenced sources); and `workload`, on at least one line, the
    /// seeded workload the orders come from. A producer's records are the lines `firstOrder...lastOrder`
    /// when `records` counts them all, or only the well-formed orders among them when it counts those.
    public struct Produced: Sendable, Equatable, Codable {
        public var records: Int64
        public var firstOrder: Int64
        public var lastOrder: Int64
        public var scheduledStart: Int64
        public var scheduledEnd: Int64
        /// The input file these records were written as, a name inside the watched directory.
        public var file: String?
        /// The producer that sent these records, as the source's offsets name it (`p0`).
        public var producer: String?
        /// The workload the orders come from.
        public var workload: Workload?

        public init(
            records: Int64, firstOrder: Int64, lastOrder: Int64, scheduledStart: Int64, scheduledEnd: Int64,
            file: String? = nil, producer: String? = nil, workload: Workload? = nil
        ) {
            self.records = records
            self.firstOrder = firstOrder
            self.lastOrder = lastOrder
            self.scheduledStart = scheduledStart
            self.scheduledEnd = scheduledEnd
            self.file = file
            self.producer = producer
            self.workload = workload
        }
    }

    /// End-to-end latencies, from each record's scheduled time to its result in the sink, observed at the
    /// entry's time `t`. `records[i]` (an order id, or a record's index for inputs without ids) took
    /// `latencyMicroseconds[i]` µs; the two arrays have the same length. One event per batch keeps the
    /// file small; `batch` names it when known.
    public struct LatencySamples: Sendable, Equatable, Codable {
        public var batch: BatchID?
        public var records: [Int64]
        public var latencyMicroseconds: [Int64]

        public init(batch: BatchID?, records: [Int64], latencyMicroseconds: [Int64]) {
            precondition(records.count == latencyMicroseconds.count, "one latency per record")
            self.batch = batch
            self.records = records
            self.latencyMicroseconds = latencyMicroseconds
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            batch = try container.decodeIfPresent(BatchID.self, forKey: .batch)
            records = try container.decode([Int64].self, forKey: .records)
            latencyMicroseconds = try container.decode([Int64].self, forKey: .latencyMicroseconds)
            guard records.count == latencyMicroseconds.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .latencyMicroseconds, in: container,
                    debugDescription: "\(records.count) records but \(latencyMicroseconds.count) latencies"
                )
            }
        }
    }
}
