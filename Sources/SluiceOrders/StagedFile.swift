/// A file written under a staging path and renamed to its final path only once complete and on disk,
/// so a reader of the final directory finds the whole file or nothing.
///
/// The staging path must be on the same file system as the final one. Dropped unpublished, the
/// staged file is removed.
final class StagedFile {
    let stagingPath: String
    let finalPath: String
    private let file: SystemFile
    private var isPublished = false

    /// Creates (or empties) the file at `stagingPath`; a failure names the final path, then the staging one.
    init(stagingPath: String, finalPath: String) throws(OrderFileError) {
        self.stagingPath = stagingPath
        self.finalPath = finalPath
        do {
            file = try SystemFile.create(stagingPath)
        } catch {
            throw OrderFileError(path: finalPath, problem: "\(error.problem) (staging file \(stagingPath))")
        }
    }

    deinit {
        if !isPublished {
            try? SystemFile.removeFile(stagingPath)
        }
    }

    /// Appends `bytes` to the staged file.
    func write(_ bytes: [UInt8]) throws(OrderFileError) {
        try file.writeAll(bytes)
    }

    /// Syncs and closes the staged file, renames it to the final path and syncs the final directory.
    ///
    /// Unless `replacingExisting`, refuses when something already exists at the final path.
    func publish(replacingExisting: Bool) throws(OrderFileError) {
        try file.synchronize()
        try file.closeFile()
        if !replacingExisting && SystemFile.exists(finalPath) {
            throw OrderFileError(path: finalPath, problem: "already exists; refusing to replace it")
        }
        try SystemFile.renameAtomically(stagingPath, to: finalPath)
        isPublished = true
        try SystemFile.synchronizeDirectory(PathNames.directory(of: finalPath))
    }
}
