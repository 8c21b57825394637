import Foundation
import SluiceCore

/// The log of a file sink's committed micro-batches: which part files each batch wrote. Readers take
/// only the files listed here, so a part file left by a batch that failed before committing is never
/// read, and a batch that runs again after a failure writes nothing if it is already listed.
///
/// Each committed batch is one file, `<sink directory>/_sluice_metadata/<batch id>`, written durably
/// (`DurableFile`) after the batch's part files, so it exists only once they are complete. Format
/// version 1, by example (batch 7 wrote one file; a batch without rows lists none):
///
///     v1
///     part-7-0f8c5d5e-2b0e-4a57-9d2b-7c3f1a9e4b21.csv
///
/// The first line is the version, checked on read; each further line names one file of the sink directory.
public struct FileSinkManifest: Sendable {
    /// The name of the manifest's directory inside a sink directory.
    public static let directoryName = "_sluice_metadata"
    /// The version this code writes and reads.
    public static let version = "v1"

    /// The sink directory.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The directory holding one manifest file per committed batch.
    public var manifestDirectory: String { (directory as NSString).appendingPathComponent(Self.directoryName) }

    /// The manifest file of `batch`.
    public func path(of batch: BatchID) -> String { (manifestDirectory as NSString).appendingPathComponent(String(batch.rawValue)) }

    /// Whether `directory` holds a file sink's manifest.
    public static func exists(in directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: FileSinkManifest(directory: directory).manifestDirectory, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Whether `batch` is committed.
    public func isCommitted(_ batch: BatchID) -> Bool { FileManager.default.fileExists(atPath: path(of: batch)) }

    /// Records, durably, that `batch` wrote `files` (names within the sink directory).
    public func commit(_ batch: BatchID, files: [String]) throws {
        let text = ([Self.version] + files).joined(separator: "\n") + "\n"
        try DurableFile.write(Array(text.utf8), to: path(of: batch))
    }

    /// The committed batches, in order.
    public func committedBatches() throws(FileError) -> [BatchID] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: manifestDirectory)
        } catch {
            throw .cannotRead(path: manifestDirectory, reason: "cannot list the manifest (\(error.localizedDescription))")
        }
        return names.compactMap { name in Int64(name).map(BatchID.init) }.sorted()
    }

    /// The names of the files `batch` wrote.
    public func files(of batch: BatchID) throws(FileError) -> [String] {
        let path = path(of: batch)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: "the manifest entry cannot be read")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw .corruptManifest(path: path, reason: "it does not end with a line break") }
        lines.removeLast()
        guard let version = lines.first else { throw .corruptManifest(path: path, reason: "it is empty") }
        guard version == Self.version else {
            throw .corruptManifest(path: path, reason: "version '\(version)', this build reads \(Self.version)")
        }
        let files = lines.dropFirst()
        if let bad = files.first(where: { $0.isEmpty || $0.contains("/") || $0.hasPrefix(".") }) {
            throw .corruptManifest(path: path, reason: "'\(bad)' is not a file name of the sink directory")
        }
        return Array(files)
    }

    /// The paths of every file the sink in `directory` committed, batch by batch.
    public static func committedFiles(directory: String) throws(FileError) -> [String] {
        let manifest = FileSinkManifest(directory: directory)
        var paths: [String] = []
        for batch in try manifest.committedBatches() {
            paths += try manifest.files(of: batch).map { (directory as NSString).appendingPathComponent($0) }
        }
        return paths
    }
}
