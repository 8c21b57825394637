import Foundation
import Synchronization
import SluiceCore

/// A throwaway PostgreSQL server for tests and the harness: a fresh cluster in a temporary directory,
/// listening only on 127.0.0.1 on a free port, with trust authentication for user `sluice` (no
/// password), unix sockets inside its own directory, and a database made for the caller.
///
/// It runs the `initdb` and `postgres` binaries of the installed server (`SLUICE_POSTGRES_BIN`, else
/// the newest `/usr/lib/postgresql/*/bin`, else `PATH`). Both refuse to run as root: as root they run
/// as user `postgres` through `runuser`, in a directory given to that user.
///
/// Every server's directory lies under one root, `$TMPDIR/sluice-postgres-<uid>`, and `stop()` removes
/// it. A process killed before stopping its servers leaves them behind; the next `start` in any process
/// stops those (an immediate shutdown of the postmaster named in their `postmaster.pid`) and removes
/// their directories.
public final class LocalPostgresServer: Sendable {
    /// Always `127.0.0.1`.
    public let host = "127.0.0.1"
    /// The TCP port the server listens on.
    public let port: Int
    /// The superuser, with no password.
    public let user = LocalPostgresServer.superuser
    /// The database made for the caller.
    public let database: String
    /// The server's directory: `data` (the cluster), `socket`, `server.log`.
    public let directory: String
    /// Whether the server syncs its writes to disk (off: `fsync`, `synchronous_commit` and
    /// `full_page_writes` are off, for speed).
    public let durable: Bool
    private let launcher: Mutex<Process?>
    private let stopped = Mutex(false)

    static let superuser = "sluice"

    /// The libpq connection string of `database`: `host=127.0.0.1 port=… user=sluice dbname=…`.
    public var conninfo: String { conninfo(database: database) }

    /// The connection string of another database of this server.
    public func conninfo(database: String) -> String {
        "host=\(host) port=\(port) user=\(user) dbname=\(database)"
    }

    init(port: Int, database: String, directory: String, durable: Bool, launcher: sending Process) {
        self.port = port
        self.database = database
        self.directory = directory
        self.durable = durable
        self.launcher = Mutex(launcher)
    }

    /// Makes a cluster, starts its server and waits (at most 30 s) until it accepts connections, then
    /// creates `database`. Throws a `LocalPostgresServerError` saying what failed, with the tail of the
    /// server's log when it did not come up.
    public static func start(database: String = "sluice", durable: Bool = false) throws -> LocalPostgresServer {
        try LocalPostgresServerLauncher.start(database: database, durable: durable)
    }

    /// The server every caller in this process shares, started at the first call and stopped when the
    /// process exits; tests give their tables distinct names. Throws the error of the first start, at
    /// every call, if it could not start.
    public static func shared() throws -> LocalPostgresServer { try sharedServer.get() }

    private static let sharedServer: Result<LocalPostgresServer, any Error> = {
        let result = Result { try LocalPostgresServer.start() }
        if case .success = result { atexit { LocalPostgresServer.stopSharedServer() } }
        return result
    }()

    private static func stopSharedServer() {
        if case .success(let server) = sharedServer { server.stop() }
    }

    /// Stops the server (an immediate shutdown: the data is thrown away) and removes its directory;
    /// later calls do nothing.
    public func stop() {
        guard stopped.withLock({ stopped in defer { stopped = true }; return !stopped }) else { return }
        LocalPostgresServerDirectory.stopPostmaster(dataDirectory: directory + "/data")
        launcher.withLock { process in
            if let process { Self.reap(process) }
            process = nil
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Waits (at most 10 s) for the process that launched the postmaster (the postmaster itself, or
    /// `runuser`) to end, so that it is reaped rather than left a zombie; terminates it if it does not.
    private static func reap(_ process: Process) {
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
    }
}

/// A local server could not be set up or started.
public struct LocalPostgresServerError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the server's log when it did not come up.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "local postgres server: \(message)" }
}
