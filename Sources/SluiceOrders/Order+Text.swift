/// The text form of an order, as one line of `orders.txt`.
extension Order: CustomStringConvertible {
    /// The order's line without its terminating newline, e.g. `2016-03-22 20:25:28,1,80,EPE,710,51.0,B`.
    public var line: String {
        var bytes: [UInt8] = []
        appendLine(to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { line }

    /// Appends the order's line and a newline to `buffer`.
    ///
    /// The time is printed to the second (rounded down), in UTC. The price is printed rounded to cents
    /// with one or two fractional digits, `51.0` or `51.25`, so a price with at most two decimals (all
    /// that `OrderGenerator` makes) reads back exactly. The price must be finite and below 10¹⁵ in magnitude.
    public func appendLine(to buffer: inout [UInt8]) {
        TimestampText.append(time, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        buffer.appendDecimal(orderId)
        buffer.append(UInt8(ascii: ","))
        buffer.appendDecimal(clientId)
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: symbol.utf8)
        buffer.append(UInt8(ascii: ","))
        buffer.appendDecimal(amount)
        buffer.append(UInt8(ascii: ","))
        Self.appendPrice(cents: priceInCents, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        buffer.append(isBuy ? UInt8(ascii: "B") : UInt8(ascii: "S"))
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The price in whole cents, rounded to the nearest cent.
    var priceInCents: Int64 {
        precondition(price.isFinite && price.magnitude < 1e15, "order \(orderId): price \(price) cannot be printed")
        return Int64((price * 100).rounded())
    }

    private static func appendPrice(cents: Int64, to buffer: inout [UInt8]) {
        if cents < 0 {
            buffer.append(UInt8(ascii: "-"))
        }
        let (whole, fraction) = cents.magnitude.quotientAndRemainder(dividingBy: 100)
        buffer.appendDecimal(whole)
        buffer.append(UInt8(ascii: "."))
        if fraction % 10 == 0 {
            buffer.append(UInt8(ascii: "0") &+ UInt8(fraction / 10))
        } else {
            buffer.appendTwoDigits(Int(fraction))
        }
    }
}
