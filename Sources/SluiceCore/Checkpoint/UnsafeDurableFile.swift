import Foundation

/// Writes a file so that after a crash it holds either its old content or all of its new content.
///
/// Protocol: write to a temporary name in the same directory, `fsync` it, `rename` it over the final
/// name (atomic within one file system), then `fsync` the directory so the rename itself is durable.
/// The temporary file is either created by the write (`open` with `O_CREAT`, which costs up to a
/// millisecond on a file system that has just deleted many files) or one that `PreparedTemporaryFiles`
/// created empty ahead of time in the same directory, opened without `O_CREAT` and truncated.
///
/// Why unsafe: `write(2)` takes a raw pointer; it comes from `withUnsafeBytes` over the array being
/// written, is used only inside that closure, and each call passes the count of bytes left after the
/// offset, so the kernel never reads past the array. The other calls (`open`, `fsync`, `close`,
/// `rename`, `unlink`) take only paths and descriptors this file opened and closes on every path.
public enum DurableFile {
    /// The suffix of temporary files; a file with it was left by a writer that died before renaming.
    public static let temporarySuffix = ".sluice-tmp"

    /// Replaces the file at `path` with `bytes`, durably and atomically. `beforeRename` is called with
    /// the temporary file's path once it holds all of `bytes` and is fsynced, just before the rename: the
    /// place where a crash leaves a complete temporary file and the old file in place (fault injection
    /// kills the process there). `prepared`, when given, is an empty temporary file in `path`'s directory
    /// (from `PreparedTemporaryFiles.take(in:)`) used instead of creating one; if it cannot be opened
    /// (someone removed it), the write creates its own.
    public static func write(_ bytes: [UInt8], to path: String, prepared: String? = nil,
                             beforeRename: (_ temporaryPath: String) -> Void = { _ in }) throws(DurableFileError) {
        var temporary = prepared ?? ""
        var descriptor: Int32 = prepared.map { open($0, O_WRONLY | O_TRUNC | O_CLOEXEC) } ?? -1
        if descriptor < 0 {
            temporary = path + "." + randomName() + temporarySuffix
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw .failed(path: temporary, operation: "create", errno: errno) }
        var failure: (operation: String, errno: Int32)?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 { offset += written } else if errno != EINTR { failure = ("write", errno); return }
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = ("fsync", errno) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .failed(path: temporary, operation: failure.operation, errno: failure.errno)
        }
        beforeRename(temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .failed(path: path, operation: "rename", errno: code)
        }
        try syncDirectory(containing: path)
    }

    /// Creates an empty temporary file in `directory` (which must exist) for a later `write(_:to:prepared:)`
    /// into that directory; returns its path, nil when it cannot be created. It is not synced: a crash
    /// leaves it either absent or empty, with the temporary suffix the checkpoint's start-up removes.
    public static func createEmptyTemporary(in directory: String) -> String? {
        let path = directory + "/prepared-" + randomName() + temporarySuffix
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        close(descriptor)
        return path
    }

    /// A random name part, so that concurrent writers never pick the same temporary file.
    private static func randomName() -> String {
        String(UInt64.random(in: 0 ... .max), radix: 36)
    }

    /// Makes the latest renames and unlinks in the directory holding `path` durable.
    public static func syncDirectory(containing path: String) throws(DurableFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .failed(path: directory, operation: "open directory", errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .failed(path: directory, operation: "fsync directory", errno: errno) }
    }
}

/// A durable write failed; names the path, the step and the system's reason.
public enum DurableFileError: Error, Equatable, CustomStringConvertible {
    case failed(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .failed(let path, let operation, let code): "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
