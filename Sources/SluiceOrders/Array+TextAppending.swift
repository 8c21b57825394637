/// Appending ASCII text to a byte buffer without building a `String` first.
extension Array where Element == UInt8 {
    /// Appends the decimal digits of `value`, with a leading `-` when negative.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        appendDecimal(value.magnitude)
    }

    /// Appends the decimal digits of `value`.
    mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        let start = count
        var remaining = value
        while remaining > 0 {
            let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
            append(UInt8(ascii: "0") &+ UInt8(digit))
            remaining = quotient
        }
        var low = start
        var high = count - 1
        while low < high {
            swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// Appends `value` (0...99) as exactly two digits, zero-padded.
    mutating func appendTwoDigits(_ value: Int) {
        append(UInt8(ascii: "0") &+ UInt8(value / 10))
        append(UInt8(ascii: "0") &+ UInt8(value % 10))
    }

    /// Appends `value` (0...9999) as exactly four digits, zero-padded.
    mutating func appendFourDigits(_ value: Int) {
        appendTwoDigits(value / 100)
        appendTwoDigits(value % 100)
    }
}
