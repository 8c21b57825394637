import Foundation
import Synchronization

/// The directories of local servers: one root per user, one `server-<pid>-<n>` directory per server
/// (named after the process that started it), and the clean-up of servers whose process died.
enum LocalPostgresServerDirectory {
    private static let counter = Atomic<Int>(0)

    /// `$TMPDIR/sluice-postgres-<uid>`, made if missing (traversable by the `postgres` user when root).
    static func root() throws -> String {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sluice-postgres-\(getuid())")
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw LocalPostgresServerError("cannot create the directory \(root): \(error)")
        }
        return root
    }

    /// A new, empty server directory under `root`, owned by `owner` when given.
    static func makeServerDirectory(in root: String, owner: (uid: uid_t, gid: gid_t)?) throws -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let directory = (root as NSString).appendingPathComponent("server-\(getpid())-\(number)")
        try? FileManager.default.removeItem(atPath: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(atPath: directory + "/socket", withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: directory + "/server.log", contents: nil) else {
                throw LocalPostgresServerError("cannot create \(directory)/server.log")
            }
        } catch let error as LocalPostgresServerError {
            throw error
        } catch {
            throw LocalPostgresServerError("cannot create the directory \(directory): \(error)")
        }
        if let owner {
            for path in [directory, directory + "/socket", directory + "/server.log"] where chown(path, owner.uid, owner.gid) != 0 {
                throw LocalPostgresServerError("cannot give \(path) to the postgres user: \(String(cString: strerror(errno)))")
            }
        }
        return directory
    }

    /// Stops the servers of processes that are gone and removes their directories.
    static func removeAbandoned(in root: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries {
            let parts = entry.split(separator: "-")
            guard parts.count == 3, parts[0] == "server", let pid = pid_t(parts[1]), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let directory = (root as NSString).appendingPathComponent(entry)
            stopPostmaster(dataDirectory: directory + "/data")
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// Sends an immediate-shutdown request (SIGQUIT) to the postmaster of `dataDirectory`, as its
    /// `postmaster.pid` names it, and waits (at most 30 s) until it has removed that file. Does nothing
    /// if there is no such file, or (on Linux) if the process is not a postgres of this directory.
    static func stopPostmaster(dataDirectory: String) {
        let lockFile = dataDirectory + "/postmaster.pid"
        guard let text = try? String(contentsOfFile: lockFile, encoding: .utf8),
              let firstLine = text.split(separator: "\n").first, let pid = pid_t(firstLine), pid > 0,
              isPostgres(pid, dataDirectory: dataDirectory)
        else { return }
        guard kill(pid, SIGQUIT) == 0 else { return }
        let deadline = ContinuousClock.now + .seconds(30)
        while FileManager.default.fileExists(atPath: lockFile), kill(pid, 0) == 0, ContinuousClock.now < deadline {
            usleep(10_000)
        }
    }

    private static func isPostgres(_ pid: pid_t, dataDirectory: String) -> Bool {
        #if os(Linux)
        guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let arguments = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return arguments.first.map { $0.hasSuffix("postgres") } == true && arguments.contains(dataDirectory)
        #else
        return true
        #endif
    }
}
