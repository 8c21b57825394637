import SluiceCore

/// What a batch read of files decoded and skipped: records are never thrown away silently.
public struct FileReadReport: Sendable, Equatable {
    /// The path that was read.
    public var path: String
    /// The files read from it.
    public var files: [String] = []
    /// Rows decoded.
    public var rows = 0
    /// Records skipped because they could not be decoded.
    public var malformedRecords = 0
    /// The first few skipped records of each file, named by file, line and reason.
    public var samples: [InputProblem] = []

    public init(path: String) {
        self.path = path
    }

    mutating func add(_ decoded: DecodedRecords, of file: String) {
        files.append(file)
        rows += decoded.batch.rowCount
        malformedRecords += decoded.malformed
        samples += decoded.samples
    }
}
