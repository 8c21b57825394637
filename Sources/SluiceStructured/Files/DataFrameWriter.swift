import Foundation
import SluiceCore

/// Writes a batch DataFrame to files: Spark's `df.write`.
///
/// The path becomes a directory holding one part file, `part-00000-<uuid>.<format>`, written with
/// `DurableFile`, and then an empty `_SUCCESS` marker, as Spark's writers leave; `session.read` skips
/// the marker.
public struct DataFrameWriter: Sendable {
    let frame: DataFrame
    private var saveMode = SaveMode.errorIfExists

    init(frame: DataFrame) {
        self.frame = frame
    }

    /// What to do when the path exists already (`errorIfExists` unless set).
    public func mode(_ mode: SaveMode) -> DataFrameWriter {
        var copy = self
        copy.saveMode = mode
        return copy
    }

    /// Writes the rows as CSV (see `CSVEncoder`); `header` puts the field names first.
    public func csv(path: String, header: Bool = false, delimiter: Character = ",") throws {
        try save(to: path, format: .csv(header: header, delimiter: delimiter))
    }

    /// Writes the rows as JSON lines, one object per row, null fields left out.
    public func json(path: String) throws {
        try save(to: path, format: .json)
    }

    private func save(to path: String, format: FileFormat) throws {
        guard !frame.isStreaming else {
            throw AnalysisError("'write' can not be called on streaming Dataset/DataFrame: use writeStream")
        }
        let schema = try frame.schema()
        let batches = try frame.batches()
        if FileManager.default.fileExists(atPath: path) {
            switch saveMode {
            case .errorIfExists: throw FileError.pathAlreadyExists(path)
            case .ignore: return
            case .append: break
            case .overwrite:
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw FileError.cannotWrite(path: path, reason: "cannot remove it to overwrite it (\(error.localizedDescription))")
                }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileError.cannotWrite(path: path, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        let name = "part-00000-\(UUID().uuidString.lowercased()).\(format.fileExtension)"
        try DurableFile.write(format.encode(batches, schema: schema), to: (path as NSString).appendingPathComponent(name))
        try DurableFile.write([], to: (path as NSString).appendingPathComponent("_SUCCESS"))
    }
}

extension DataFrame {
    /// Writes a batch DataFrame to files.
    public var write: DataFrameWriter { DataFrameWriter(frame: self) }
}
