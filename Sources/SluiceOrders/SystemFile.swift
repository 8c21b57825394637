#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file, through the POSIX calls; every failure is an `OrderFileError` naming the path.
/// The descriptor is closed by `closeFile()`, or on deinit when that was never reached.
final class SystemFile {
    let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 {
            _ = close(descriptor)
        }
    }

    /// Opens the existing file at `path` for reading.
    static func openForReading(_ path: String) throws(OrderFileError) -> SystemFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path, "open for reading") }
        return SystemFile(path: path, descriptor: descriptor)
    }

    /// Creates the file at `path` for writing, emptying it if it exists.
    static func create(_ path: String) throws(OrderFileError) -> SystemFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system(path, "create") }
        return SystemFile(path: path, descriptor: descriptor)
    }

    /// Up to `maximumCount` next bytes of the file; empty at its end.
    func readBytes(upTo maximumCount: Int) throws(OrderFileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maximumCount)
        while true {
            let count = read(descriptor, &bytes, maximumCount)
            if count >= 0 {
                bytes.removeSubrange(count...)
                return bytes
            }
            guard errno == EINTR else { throw .system(path, "read") }
        }
    }

    /// Writes all of `bytes` at the current position.
    func writeAll(_ bytes: [UInt8]) throws(OrderFileError) {
        var pending = bytes
        while !pending.isEmpty {
            let count = write(descriptor, pending, pending.count)
            if count >= 0 {
                pending.removeFirst(count)
            } else if errno != EINTR {
                throw .system(path, "write")
            }
        }
    }

    /// Waits until the file's contents are on the storage device (`fsync`).
    func synchronize() throws(OrderFileError) {
        guard fsync(descriptor) == 0 else { throw .system(path, "sync to disk") }
    }

    /// Closes the file, reporting a failure that a deinit would hide.
    func closeFile() throws(OrderFileError) {
        let result = close(descriptor)
        descriptor = -1
        guard result == 0 else { throw .system(path, "close") }
    }
}
