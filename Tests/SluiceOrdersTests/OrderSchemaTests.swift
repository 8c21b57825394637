import Testing
import SluiceOrders

@Suite struct OrderSchemaTests {
    @Test func followsTheLectureFieldOrder() {
        #expect(OrderSchema.schema.fields.map(\.name) == ["time", "orderId", "clientId", "symbol", "amount", "price", "buy"])
    }
}
