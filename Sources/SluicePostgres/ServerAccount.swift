import Foundation

/// Who runs the server's programs: this process's user, or, when that is root (which `initdb` and
/// `postgres` refuse), the `postgres` user through `runuser`.
struct ServerAccount {
    /// The `runuser` program, when running as root.
    let runuser: String?
    /// The user and group the server's directory must belong to, when running as root.
    let owner: (uid: uid_t, gid: gid_t)?

    static let serverUser = "postgres"

    static func current() throws -> ServerAccount {
        guard geteuid() == 0 else { return ServerAccount(runuser: nil, owner: nil) }
        guard let entry = getpwnam(serverUser) else {
            throw LocalPostgresServerError("running as root, the server must run as user '\(serverUser)', which does not exist")
        }
        let owner = (uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
        guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
            .first(where: FileManager.default.isExecutableFile) else {
            throw LocalPostgresServerError("running as root, the server must run as user '\(serverUser)' through runuser, which is not installed")
        }
        return ServerAccount(runuser: runuser, owner: owner)
    }

    /// Starts `program` with `arguments` in `directory`, its output appended to `log`.
    func run(_ program: String, _ arguments: [String], in directory: String, log: String) throws -> Process {
        let process = Process()
        if let runuser {
            process.executableURL = URL(fileURLWithPath: runuser)
            process.arguments = ["-u", Self.serverUser, "--", program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        guard let output = FileHandle(forWritingAtPath: log) else { throw LocalPostgresServerError("cannot write \(log)") }
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw LocalPostgresServerError("cannot run \(program): \(error)")
        }
        return process
    }
}
