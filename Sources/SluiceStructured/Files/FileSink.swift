import Foundation
import SluiceCore

/// Writes each micro-batch of a streaming query as one part file of a directory, exactly once per
/// batch id: Spark's file sink, for CSV and JSON lines, in append mode only.
///
/// A batch with rows is written to `part-<batch id>-<uuid>.<format>` with `DurableFile`, then the batch
/// is committed to the `FileSinkManifest` (a batch without rows is committed with no file). A batch id
/// already in the manifest is skipped, so a batch run again after a crash is not written twice; a part
/// file whose batch never committed is left behind but never read by manifest-aware readers
/// (`session.read`, `FileSinkManifest.committedFiles`).
public final class FileSink: StreamingSink {
    public let directory: String
    let format: FileFormat
    private let manifest: FileSinkManifest

    init(directory: String, format: FileFormat) {
        self.directory = directory
        self.format = format
        self.manifest = FileSinkManifest(directory: directory)
    }

    /// A sink writing CSV; `header` puts the field names at the top of every part file.
    public static func csv(directory: String, header: Bool = false, delimiter: Character = ",") -> FileSink {
        FileSink(directory: directory, format: .csv(header: header, delimiter: delimiter))
    }

    /// A sink writing JSON lines.
    public static func json(directory: String) -> FileSink {
        FileSink(directory: directory, format: .json)
    }

    public func check(outputMode mode: OutputMode) throws(AnalysisError) {
        guard mode == .append else {
            throw AnalysisError("Data source \(format.name) does not support \(mode) output mode: file sinks write in append mode only")
        }
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        try check(outputMode: mode)
        guard !manifest.isCommitted(batchID) else { return }
        do {
            try FileManager.default.createDirectory(atPath: manifest.manifestDirectory, withIntermediateDirectories: true)
        } catch {
            throw FileError.cannotWrite(path: manifest.manifestDirectory, reason: error.localizedDescription)
        }
        var files: [String] = []
        if rows.contains(where: { $0.rowCount > 0 }) {
            let name = "part-\(batchID)-\(UUID().uuidString.lowercased()).\(format.fileExtension)"
            try DurableFile.write(format.encode(rows, schema: schema), to: (directory as NSString).appendingPathComponent(name))
            files.append(name)
        }
        try manifest.commit(batchID, files: files)
    }
}
