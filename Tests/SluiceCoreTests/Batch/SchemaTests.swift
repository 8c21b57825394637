import Testing
@testable import SluiceCore

@Suite struct SchemaTests {
    @Test func looksUpFieldsByName() {
        let schema = Schema([Field("a", .int64), Field("b", .string, nullable: true)])
        #expect(schema.index(of: "b") == 1)
        #expect(schema.index(of: "c") == nil)
        #expect(schema.description == "(a: int64, b: string?)")
    }
}
