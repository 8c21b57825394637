/// Turns the bytes of complete lines into a record batch, skipping and counting what it cannot decode.
public protocol RecordDecoder: Sendable {
    /// The schema of the batches this decoder produces.
    var schema: Schema { get }
    /// Decodes every complete line of `bytes` (a final line without a newline counts as complete);
    /// `source` names where the bytes came from and `firstLine` is the 1-based number of their first line.
    func decode(_ bytes: [UInt8], source: String, firstLine: Int) -> DecodedRecords
}

/// What a decoder made of some bytes.
public struct DecodedRecords: Sendable {
    public var batch: RecordBatch
    /// Lines seen, good or bad (so the next chunk's line numbers continue from here).
    public var lines: Int
    /// Lines skipped because they could not be decoded.
    public var malformed: Int
    /// The first few malformed lines, named by source, line and reason.
    public var samples: [InputProblem]

    public init(batch: RecordBatch, lines: Int, malformed: Int = 0, samples: [InputProblem] = []) {
        self.batch = batch
        self.lines = lines
        self.malformed = malformed
        self.samples = samples
    }

    /// How many malformed-line samples a decoder keeps per call.
    public static let sampleLimit = 10

    /// Counts a skipped record, keeping `problem` as a sample while there are fewer than `sampleLimit`.
    public mutating func recordMalformed(_ problem: InputProblem) {
        malformed += 1
        if samples.count < Self.sampleLimit { samples.append(problem) }
    }
}
