import Foundation

/// The `initdb` and `postgres` programs of an installed PostgreSQL server.
struct PostgresBinaries {
    /// The environment variable naming the directory of the server's binaries.
    static let environmentVariable = "SLUICE_POSTGRES_BIN"

    let initdb: String
    let postgres: String

    /// The binaries in `$SLUICE_POSTGRES_BIN`, else the newest `/usr/lib/postgresql/<version>/bin`
    /// (Debian and Ubuntu), else the first directory of `PATH` holding both; throws naming the places
    /// looked at when none has them.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresBinaries {
        let candidates = candidateDirectories(environment: environment)
        for directory in candidates {
            let initdb = directory + "/initdb", postgres = directory + "/postgres"
            if FileManager.default.isExecutableFile(atPath: initdb), FileManager.default.isExecutableFile(atPath: postgres) {
                return PostgresBinaries(initdb: initdb, postgres: postgres)
            }
        }
        throw LocalPostgresServerError("no PostgreSQL server binaries (initdb and postgres) in \(candidates.joined(separator: ", ")); "
            + "install the server (Debian: apt-get install postgresql) or set \(environmentVariable)")
    }

    private static func candidateDirectories(environment: [String: String]) -> [String] {
        if let directory = environment[environmentVariable], !directory.isEmpty { return [directory] }
        let debian = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian)) ?? [])
            .compactMap { name in Int(name).map { (version: $0, directory: "\(debian)/\(name)/bin") } }
            .sorted { $0.version > $1.version }
            .map(\.directory)
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return versions + path
    }
}
