import Testing
@testable import SluicePostgres

@Test("Postgres: links the system libpq") func linksTheSystemLibPQ() {
    #expect(libpqVersion >= 100_000)
}
