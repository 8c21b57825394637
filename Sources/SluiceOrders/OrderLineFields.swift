/// The fields of one order line, decoded without allocating: the symbol stays a range of the line's bytes.
///
/// Both readers of order text decode with it: `Order(lineBytes:)` always, `OrderParser` for the lines its
/// fast path (`OrderLineFastPath`) leaves to this strict one.
struct OrderLineFields {
    var time: Int64
    var orderId: Int64
    var clientId: Int64
    /// Where the symbol's bytes lie in the line; they are valid UTF-8.
    var symbol: Range<Int>
    var amount: Int64
    var price: Double
    var isBuy: Bool
}

extension OrderLineFields {
    /// Decodes `line` (without its newline), strictly: see `Order.init(lineBytes:)` for the form.
    init(_ line: Span<UInt8>) throws(OrderLineFailure) {
        guard !line.isEmpty else { throw .emptyLine }
        var cursor = FieldCursor()
        guard let timeField = cursor.next(in: line), let orderIdField = cursor.next(in: line),
              let clientIdField = cursor.next(in: line), let symbolField = cursor.next(in: line),
              let amountField = cursor.next(in: line), let priceField = cursor.next(in: line),
              let sideField = cursor.next(in: line), cursor.isPastEnd(of: line)
        else { throw .fieldCount(FieldCursor.fieldCount(of: line)) }
        guard let time = TimestampText.decode(line.extracting(timeField)) else { throw .field(0, timeField) }
        guard let orderId = OrderFieldDecoding.wholeNumber(line.extracting(orderIdField)) else { throw .field(1, orderIdField) }
        guard let clientId = OrderFieldDecoding.wholeNumber(line.extracting(clientIdField)) else { throw .field(2, clientIdField) }
        guard OrderFieldDecoding.isSymbol(line.extracting(symbolField)) else { throw .field(3, symbolField) }
        guard let amount = OrderFieldDecoding.wholeNumber(line.extracting(amountField)) else { throw .field(4, amountField) }
        guard let price = OrderFieldDecoding.decimal(line.extracting(priceField)) else { throw .field(5, priceField) }
        guard let isBuy = OrderFieldDecoding.side(line.extracting(sideField)) else { throw .field(6, sideField) }
        self.init(time: time, orderId: orderId, clientId: clientId, symbol: symbolField, amount: amount, price: price, isBuy: isBuy)
    }
}

/// Walks the comma-separated fields of a line, one range at a time.
private struct FieldCursor {
    private var start = 0

    /// The next field's range, or nil when the line has no more fields.
    mutating func next(in line: Span<UInt8>) -> Range<Int>? {
        guard start <= line.count else { return nil }
        var end = start
        while end < line.count && line[end] != UInt8(ascii: ",") {
            end += 1
        }
        defer { start = end + 1 }
        return start..<end
    }

    /// Whether every field of the line has been taken.
    func isPastEnd(of line: Span<UInt8>) -> Bool {
        start == line.count + 1
    }

    /// The number of comma-separated fields in `line`.
    static func fieldCount(of line: Span<UInt8>) -> Int {
        var count = 1
        for index in line.indices where line[index] == UInt8(ascii: ",") {
            count += 1
        }
        return count
    }
}
