import SluiceCore

/// The lecture's order record: `time,orderId,clientId,symbol,amount,price,B|S`.
public enum OrderSchema {
    /// The columnar schema a parsed order batch carries, in the order of the text fields.
    public static let schema = Schema([
        Field("time", .timestamp),
        Field("orderId", .int64),
        Field("clientId", .int64),
        Field("symbol", .string),
        Field("amount", .int64),
        Field("price", .double),
        Field("buy", .bool),
    ])
}
