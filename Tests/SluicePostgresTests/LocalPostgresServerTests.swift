import Foundation
import Testing
@testable import SluicePostgres

@Suite("Postgres: local server") struct LocalPostgresServerTests {
    @Test func theSharedServerListensOnlyOnLoopbackWithoutAPasswordAndKeepsItsFilesInItsDirectory() throws {
        let server = try LocalPostgresServer.shared()
        #expect(server.conninfo == "host=127.0.0.1 port=\(server.port) user=sluice dbname=sluice")
        let connection = PostgresConnection(conninfo: server.conninfo)
        #expect(try connection.execute("SHOW listen_addresses").scalar == "127.0.0.1")
        #expect(try connection.execute("SHOW unix_socket_directories").scalar == server.directory + "/socket")
        #expect(try connection.execute("SELECT current_database(), current_user").rows == [["sluice", "sluice"]])
        #expect(try connection.execute("SHOW fsync").scalar == "off")
    }

    @Test func aStoppedServerIsGoneWithItsDirectory() throws {
        let server = try LocalPostgresServer.start(database: "scratch")
        let connection = PostgresConnection(conninfo: server.conninfo)
        #expect(try connection.execute("SELECT current_database()").scalar == "scratch")
        connection.close()
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.directory))
        #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: server.conninfo + " connect_timeout=2").connect() }
        server.stop()
    }

    @Test func aDurableServerSyncsAndAThrowawayOneDoesNot() {
        let throwaway = LocalPostgresServerLauncher.serverArguments(directory: "/d", port: 5, durable: false)
        let durable = LocalPostgresServerLauncher.serverArguments(directory: "/d", port: 5, durable: true)
        #expect(Array(throwaway.prefix(8)) == ["-D", "/d/data", "-h", "127.0.0.1", "-p", "5", "-k", "/d/socket"])
        #expect(throwaway.contains("fsync=off") && throwaway.contains("synchronous_commit=off") && throwaway.contains("full_page_writes=off"))
        #expect(!durable.contains { $0.hasSuffix("=off") })
    }
}
