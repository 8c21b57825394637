import Testing
@testable import SluicePostgres

@Test func linksTheSystemLibPQ() {
    #expect(libpqVersion >= 100_000)
}
