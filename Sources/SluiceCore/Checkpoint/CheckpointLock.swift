import Foundation

/// Keeps one running job per checkpoint: an exclusive `flock` on `<checkpoint>/lock`, held while the
/// job runs and released by the kernel when the process ends, however it ends (SIGKILL included).
/// The file names the holder, so a second job's error can say who has it.
public final class CheckpointLock: Sendable {
    public let path: String
    private let handle: FileHandle

    /// Takes the lock of the checkpoint at `directory`, or throws naming the job that holds it.
    public init(directory: String, holder: String = CheckpointLock.describeThisProcess()) throws(CheckpointError) {
        let path = directory + "/lock"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create the checkpoint directory: \(error)")
        }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw .io(path: path, reason: "cannot open the lock file")
        }
        guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            let current = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
            try? handle.close()
            throw .io(path: path, reason: "the checkpoint is in use by \(current.isEmpty ? "another job" : current); one checkpoint serves one running job")
        }
        try? handle.truncate(atOffset: 0)
        try? handle.write(contentsOf: Data(holder.utf8))
        try? handle.synchronize()
        self.path = path
        self.handle = handle
    }

    /// Releases the lock (also released when the process ends).
    public func release() {
        flock(handle.fileDescriptor, LOCK_UN)
        try? handle.close()
    }

    /// `pid 1234 on host, since 2026-11-25 14:20:00`.
    public static func describeThisProcess() -> String {
        "pid \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName), since \(SystemClock().now)"
    }
}
