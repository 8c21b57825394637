import Foundation
import SluiceCore

/// Starts a `LocalPostgresServer`: finds the binaries, makes the cluster, launches the postmaster on a
/// free loopback port and waits until it takes connections.
enum LocalPostgresServerLauncher {
    /// How long a server may take to accept connections.
    static let readinessTimeout = Duration.seconds(30)
    /// Ports tried before giving up (another process may take a free port before the server binds it).
    static let portAttempts = 5

    static func start(database: String, durable: Bool) throws -> LocalPostgresServer {
        if let problem = SQLIdentifier.problem(with: database) { throw LocalPostgresServerError("database name: \(problem)") }
        let binaries = try PostgresBinaries.locate()
        let account = try ServerAccount.current()
        let root = try LocalPostgresServerDirectory.root()
        LocalPostgresServerDirectory.removeAbandoned(in: root)
        let directory = try LocalPostgresServerDirectory.makeServerDirectory(in: root, owner: account.owner)
        do {
            try initializeCluster(binaries: binaries, account: account, directory: directory, durable: durable)
            for attempt in 1 ... portAttempts {
                let port = try TCPSocket.Listener(port: 0).port
                let logStart = log(directory).utf8.count
                let launcher = try launch(binaries: binaries, account: account, directory: directory, port: port, durable: durable)
                let server = LocalPostgresServer(port: port, database: database, directory: directory, durable: durable, launcher: launcher)
                if try waitUntilReady(server, launcher: launcher, logStart: logStart, lastAttempt: attempt == portAttempts) {
                    if database != "postgres" {
                        try PostgresConnection(conninfo: server.conninfo(database: "postgres"))
                            .execute("CREATE DATABASE \(SQLIdentifier.quote(database))")
                    }
                    return server
                }
            }
            throw LocalPostgresServerError("no free port found in \(portAttempts) attempts")
        } catch {
            LocalPostgresServerDirectory.stopPostmaster(dataDirectory: directory + "/data")
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    private static func initializeCluster(binaries: PostgresBinaries, account: ServerAccount, directory: String, durable: Bool) throws {
        var arguments = ["-D", directory + "/data", "-A", "trust", "-U", LocalPostgresServer.superuser,
                         "-E", "UTF8", "--locale=C", "--no-instructions"]
        if !durable { arguments.append("--no-sync") }
        let process = try account.run(binaries.initdb, arguments, in: directory, log: directory + "/server.log")
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocalPostgresServerError("initdb failed (exit \(process.terminationStatus)):\n\(logTail(directory))")
        }
    }

    private static func launch(binaries: PostgresBinaries, account: ServerAccount, directory: String, port: Int, durable: Bool) throws -> Process {
        try account.run(binaries.postgres, serverArguments(directory: directory, port: port, durable: durable),
                        in: directory, log: directory + "/server.log")
    }

    /// The postmaster's arguments: the cluster in `directory/data`, TCP on loopback only, unix sockets
    /// in `directory/socket`, small shared buffers, and no syncing unless `durable`.
    static func serverArguments(directory: String, port: Int, durable: Bool) -> [String] {
        var arguments = ["-D", directory + "/data", "-h", "127.0.0.1", "-p", String(port), "-k", directory + "/socket",
                         "-c", "shared_buffers=16MB", "-c", "max_connections=100"]
        if !durable {
            arguments += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        }
        return arguments
    }

    /// Tries to connect until it works (true), the postmaster exits because its port was taken (false:
    /// another may be tried, unless this was the last attempt), it exits otherwise or the time is up
    /// (throws). `logStart` is where this launch's lines begin in the log.
    private static func waitUntilReady(_ server: LocalPostgresServer, launcher: Process, logStart: Int, lastAttempt: Bool) throws -> Bool {
        let deadline = ContinuousClock.now + readinessTimeout
        let conninfo = server.conninfo(database: "postgres") + " connect_timeout=2"
        while true {
            if (try? PostgresConnection(conninfo: conninfo).connect()) != nil { return true }
            if !launcher.isRunning {
                launcher.waitUntilExit()
                let portTaken = String(decoding: log(server.directory).utf8.dropFirst(logStart), as: UTF8.self).contains("could not bind")
                if lastAttempt || !portTaken {
                    throw LocalPostgresServerError("postgres exited (status \(launcher.terminationStatus)) before accepting connections "
                        + "on 127.0.0.1:\(server.port):\n\(logTail(server.directory))")
                }
                return false
            }
            if ContinuousClock.now >= deadline {
                server.stop()
                throw LocalPostgresServerError("postgres did not accept connections on 127.0.0.1:\(server.port) "
                    + "within \(readinessTimeout):\n\(logTail(server.directory))")
            }
            usleep(50_000)
        }
    }

    /// The server's log (initdb's output, then the server's), empty if it cannot be read.
    static func log(_ directory: String) -> String {
        (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
    }

    /// The last lines of the server's log.
    static func logTail(_ directory: String, lines: Int = 20) -> String {
        log(directory).split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
