import Foundation
import SluiceCore

/// Makes DataFrames from files, read when the method is called: Spark's `spark.read`.
///
/// A path is one file, or a directory whose files are all read (see `InputFiles`: hidden and `_` names
/// are skipped, and a file sink's directory yields only its committed files). Malformed records are
/// skipped and counted; `reportingProblems(to:)` receives the counts and samples of each read.
public struct DataFrameReader: Sendable {
    let session: Session
    private var reportHandler: (@Sendable (FileReadReport) -> Void)?

    init(session: Session) {
        self.session = session
    }

    /// A reader that hands `handler` the report of every read it makes.
    public func reportingProblems(to handler: @escaping @Sendable (FileReadReport) -> Void) -> DataFrameReader {
        var copy = self
        copy.reportHandler = handler
        return copy
    }

    /// The rows of the CSV file or directory at `path` (see `CSVDecoder`); with `header`, the first
    /// record of each file is skipped.
    public func csv(path: String, schema: Schema, header: Bool = false, delimiter: Character = ",") throws(FileError) -> DataFrame {
        try load(path, format: .csv(header: header, delimiter: delimiter), schema: schema)
    }

    /// The rows of the JSON-lines file or directory at `path` (see `JSONLinesDecoder`).
    public func json(path: String, schema: Schema) throws(FileError) -> DataFrame {
        try load(path, format: .json, schema: schema)
    }

    private func load(_ path: String, format: FileFormat, schema: Schema) throws(FileError) -> DataFrame {
        let decoder = format.decoder(schema: schema)
        var report = FileReadReport(path: path)
        var batches: [RecordBatch] = []
        for file in try InputFiles.list(path) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .cannotRead(path: file, reason: "permissions or I/O error")
            }
            let decoded = decoder.decode([UInt8](data), source: file, firstLine: 1)
            report.add(decoded, of: file)
            if decoded.batch.rowCount > 0 { batches.append(decoded.batch) }
        }
        reportHandler?(report)
        let content = SourceRelation.Content.table(batches.isEmpty ? [RecordBatch.empty(schema)] : batches)
        return DataFrame(session: session, plan: .source(SourceRelation(name: path, schema: schema, content: content)))
    }
}

extension Session {
    /// Reads files into DataFrames.
    public var read: DataFrameReader { DataFrameReader(session: self) }
}
