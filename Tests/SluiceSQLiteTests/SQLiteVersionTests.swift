import Testing
@testable import SluiceSQLite

@Test func linksTheSystemSQLite() {
    #expect(sqliteLibraryVersion.hasPrefix("3."))
}
