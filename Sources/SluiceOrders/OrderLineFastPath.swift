/// The parser's fast path: decodes the common shape of an order line in one pass over its bytes, finding
/// the line's end as it goes, and gives up on anything else.
///
/// Contract: it accepts only lines that `OrderLineFields` (the strict path) also accepts, and then gives
/// the same values. It handles `yyyy-MM-dd HH:mm:ss`, unsigned numbers of up to 18 digits, ASCII symbols,
/// unsigned prices of up to 15 digits, `B` or `S`, ending in `\n`, `\r\n` or the end of the bytes. Signs,
/// long numbers, non-ASCII symbols, over-long lines and every malformed line go to the strict path,
/// which decides them and names their problems.
enum OrderLineFastPath {
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The fields of the line that starts at `start` in `text` (the symbol's range is within `text`) and
    /// where the next line starts; nil when the strict path must decide this line.
    static func decode(_ text: Span<UInt8>, from start: Int, maximumLineBytes: Int) -> (fields: OrderLineFields, nextLine: Int)? {
        let timeEnd = start + TimestampText.byteCount
        guard timeEnd < text.count, text[timeEnd] == comma,
              let time = TimestampText.decode(text.extracting(start..<timeEnd))
        else { return nil }
        var position = timeEnd + 1
        guard let orderId = unsignedNumber(text, at: &position),
              let clientId = unsignedNumber(text, at: &position),
              let symbol = asciiSymbol(text, at: &position),
              let amount = unsignedNumber(text, at: &position),
              let price = unsignedDecimal(text, at: &position),
              position < text.count
        else { return nil }
        let side = text[position]
        guard side == UInt8(ascii: "B") || side == UInt8(ascii: "S") else { return nil }
        let lineEnd = position + 1
        var nextLine = lineEnd
        if nextLine < text.count {
            if text[nextLine] == carriageReturn {
                nextLine += 1
            }
            guard nextLine < text.count, text[nextLine] == newline else { return nil }
            nextLine += 1
        }
        guard lineEnd - start <= maximumLineBytes else { return nil }
        let fields = OrderLineFields(
            time: time, orderId: orderId, clientId: clientId, symbol: symbol,
            amount: amount, price: price, isBuy: side == UInt8(ascii: "B")
        )
        return (fields, nextLine)
    }

    /// Digits (1 to 18) followed by a comma, which is consumed.
    private static func unsignedNumber(_ text: Span<UInt8>, at position: inout Int) -> Int64? {
        let start = position
        var value: Int64 = 0
        while position < text.count {
            let digit = text[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            position += 1
        }
        guard position > start, position - start <= 18, position < text.count, text[position] == comma else { return nil }
        position += 1
        return value
    }

    /// Digits, optionally a point and more digits (15 digits at most), followed by a comma, which is consumed.
    private static func unsignedDecimal(_ text: Span<UInt8>, at position: inout Int) -> Double? {
        let start = position
        var mantissa: Int64 = 0
        var fractionDigitCount = 0
        var pointPosition: Int?
        while position < text.count {
            let byte = text[position]
            if byte == UInt8(ascii: ".") && pointPosition == nil {
                pointPosition = position
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                mantissa = mantissa &* 10 &+ Int64(digit)
                fractionDigitCount += pointPosition == nil ? 0 : 1
            }
            position += 1
        }
        let digitCount = position - start - (pointPosition == nil ? 0 : 1)
        guard digitCount > 0, digitCount <= 15, pointPosition != start, pointPosition.map({ $0 < position - 1 }) ?? true,
              position < text.count, text[position] == comma
        else { return nil }
        position += 1
        return OrderFieldDecoding.exactDecimal(mantissa: mantissa, fractionDigitCount: fractionDigitCount)
    }

    /// One or more ASCII bytes other than a comma or newline, followed by a comma, which is consumed.
    private static func asciiSymbol(_ text: Span<UInt8>, at position: inout Int) -> Range<Int>? {
        let start = position
        while position < text.count {
            let byte = text[position]
            guard byte != comma else { break }
            guard byte < 0x80, byte != newline else { return nil }
            position += 1
        }
        guard position > start, position < text.count else { return nil }
        position += 1
        return start..<(position - 1)
    }
}
