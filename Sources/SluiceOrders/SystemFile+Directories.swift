#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory calls of the workload's files: existence, creation, removal, rename and sync.
extension SystemFile {
    /// Whether `path` names an existing directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything exists at `path` (a dangling symbolic link counts).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates the directory `path` unless it exists already.
    static func makeDirectory(_ path: String) throws(OrderFileError) {
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) else {
            throw .system(path, "create directory")
        }
    }

    /// Removes the empty directory `path`.
    static func removeDirectory(_ path: String) throws(OrderFileError) {
        guard rmdir(path) == 0 else { throw .system(path, "remove directory") }
    }

    /// Removes the file `path`, if there is one.
    static func removeFile(_ path: String) throws(OrderFileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .system(path, "remove") }
    }

    /// Renames `source` to `destination` in one atomic step, replacing any file there; both must be on one file system.
    static func renameAtomically(_ source: String, to destination: String) throws(OrderFileError) {
        guard rename(source, destination) == 0 else { throw .system(source, "rename to \(destination)") }
    }

    /// Waits until the entries of directory `path` (such as a rename into it) are on the storage device.
    static func synchronizeDirectory(_ path: String) throws(OrderFileError) {
        let directory = try openForReading(path)
        try directory.synchronize()
        try directory.closeFile()
    }
}
