/// The ways the generator spoils a line, each made from the order the line would have held.
///
/// With `2016-03-22 20:25:28,1,80,EPE,710,51.0,B` as the good line:
///
/// | kind | line | field at fault |
/// | --- | --- | --- |
/// | `wrongFieldCount` | `2016-03-22 20:25:28,1,80,EPE,710,51.0` | (the line) |
/// | `nonNumericAmount` | `2016-03-22 20:25:28,1,80,EPE,N/A,51.0,B` | amount |
/// | `badPrice` | `2016-03-22 20:25:28,1,80,EPE,710,$51.0,B` | price |
/// | `badTimestamp` | `2016-03-22T20:25:28,1,80,EPE,710,51.0,B` | time |
/// | `badSide` | `2016-03-22 20:25:28,1,80,EPE,710,51.0,b` | buy |
/// | `emptyLine` | (nothing) | (the line) |
/// | `invalidUTF8` | `2016-03-22 20:25:28,1,80,EPE\u{C9},710,51.0,B` with `\u{C9}` the single byte 0xC9 (Latin-1 É) | symbol |
public enum MalformedOrderKind: String, Sendable, Hashable, CaseIterable {
    case wrongFieldCount
    case nonNumericAmount
    case badPrice
    case badTimestamp
    case badSide
    case emptyLine
    case invalidUTF8

    /// The spoiled line made from `order`, without a newline.
    public func line(spoiling order: Order) -> [UInt8] {
        let comma = UInt8(ascii: ",")
        var good: [UInt8] = []
        order.appendLine(to: &good)
        good.removeLast()
        var fields = good.split(separator: comma, omittingEmptySubsequences: false).map { Array($0) }
        switch self {
        case .wrongFieldCount:
            fields.removeLast()
        case .nonNumericAmount:
            fields[4] = Array("N/A".utf8)
        case .badPrice:
            fields[5].insert(UInt8(ascii: "$"), at: 0)
        case .badTimestamp:
            fields[0][10] = UInt8(ascii: "T")
        case .badSide:
            fields[6] = Array(String(decoding: fields[6], as: UTF8.self).lowercased().utf8)
        case .emptyLine:
            return []
        case .invalidUTF8:
            fields[3].append(0xC9)
        }
        return Array(fields.joined(separator: [comma]))
    }
}
