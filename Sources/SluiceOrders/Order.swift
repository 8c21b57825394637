/// One trade order of the lecture's brokerage: a client buys or sells an amount of one stock at a price.
///
/// Its text form is one line of `orders.txt`, `time,orderId,clientId,symbol,amount,price,B|S`, for example
/// `2016-03-22 20:25:28,1,80,EPE,710,51.0,B` (see `line` and `init(line:)`).
public struct Order: Sendable, Hashable {
    /// The event time, in microseconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// The order's number; the generator numbers orders 1, 2, … in file order.
    public var orderId: Int64
    /// The client who places the order.
    public var clientId: Int64
    /// The ticker symbol of the stock traded, such as `EPE` or `NFLX`.
    public var symbol: String
    /// The number of shares traded.
    public var amount: Int64
    /// The price of one share.
    public var price: Double
    /// Whether the client buys (`B`) rather than sells (`S`).
    public var isBuy: Bool

    /// Creates an order from its fields.
    public init(time: Int64, orderId: Int64, clientId: Int64, symbol: String, amount: Int64, price: Double, isBuy: Bool) {
        self.time = time
        self.orderId = orderId
        self.clientId = clientId
        self.symbol = symbol
        self.amount = amount
        self.price = price
        self.isBuy = isBuy
    }
}
