/// Decodes the escapes of a JSON string's content (already checked by `JSONObjectReader`) into UTF-8.
enum JSONStringUnescaping {
    /// Appends the UTF-8 bytes that `content` (a string without its quotes) stands for to `output`;
    /// `\uXXXX` escapes of UTF-16 surrogates must come in high-low pairs, which become one scalar.
    static func unescape(_ content: Span<UInt8>, into output: inout [UInt8]) throws(MalformedRecord) {
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = codeUnit(content, at: index)
                index += 4
                if (0xD800 ..< 0xDC00).contains(scalar) {
                    let low = index + 6 <= content.count && content[index] == UInt8(ascii: "\\") && content[index + 1] == UInt8(ascii: "u")
                        ? codeUnit(content, at: index + 2) : nil
                    guard let low, (0xDC00 ..< 0xE000).contains(low) else { throw unpaired(scalar) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00 ..< 0xE000).contains(scalar) {
                    throw unpaired(scalar)
                }
                appendUTF8(scalar, to: &output)
            default: output.append(escaped)
            }
        }
    }

    /// The value of a hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The four hex digits at `index` (checked by the reader) as a UTF-16 code unit.
    private static func codeUnit(_ content: Span<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0 ..< 4 { value = value << 4 | (hexValue(content[index + offset]) ?? 0) }
        return value
    }

    private static func unpaired(_ codeUnit: UInt32) -> MalformedRecord {
        .invalidJSON(reason: "\\u\(String(codeUnit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair without its other half")
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
