/// The text form of an instant, `yyyy-MM-dd HH:mm:ss[.ffffff]` in UTC, read from and written to UTF-8
/// bytes without building a `String`: what the CSV and JSON formats store.
extension Timestamp {
    /// The instant that `text` names, or nil unless `text` is exactly `yyyy-MM-dd HH:mm:ss`, optionally
    /// followed by `.` and one to six digits of fraction, with a real date and time (no leap second).
    public init?(text: Span<UInt8>) {
        guard text.count >= 19,
              text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
              let year = Self.digits(text, from: 0, count: 4),
              let month = Self.digits(text, from: 5, count: 2),
              let day = Self.digits(text, from: 8, count: 2),
              let hour = Self.digits(text, from: 11, count: 2),
              let minute = Self.digits(text, from: 14, count: 2),
              let second = Self.digits(text, from: 17, count: 2),
              (1 ... 12).contains(month), day >= 1, day <= Self.daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var microsecond = 0
        if text.count > 19 {
            let fractionDigits = text.count - 20
            guard text[19] == UInt8(ascii: "."), (1 ... 6).contains(fractionDigits),
                  let fraction = Self.digits(text, from: 20, count: fractionDigits)
            else { return nil }
            microsecond = fraction
            for _ in fractionDigits ..< 6 { microsecond *= 10 }
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    /// Appends `yyyy-MM-dd HH:mm:ss`, with `.ffffff` only when there are microseconds, as `description`
    /// does, but with the year always four digits; years outside 0...9999 are written as `description`
    /// writes them, which `init?(text:)` does not read.
    public func appendText(to buffer: inout [UInt8]) {
        let seconds = microseconds.floorDivided(by: 1_000_000)
        let fraction = Int(microseconds - seconds * 1_000_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.date(days: Int(days))
        guard (0 ... 9999).contains(year) else {
            buffer.append(contentsOf: description.utf8)
            return
        }
        Self.appendDigits(year, count: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendDigits(month, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendDigits(day, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        Self.appendDigits(secondOfDay / 3600, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay / 60 % 60, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay % 60, count: 2, to: &buffer)
        if fraction != 0 {
            buffer.append(UInt8(ascii: "."))
            Self.appendDigits(fraction, count: 6, to: &buffer)
        }
    }

    /// The number of `count` decimal digits at `start`, or nil if any byte there is not a digit.
    private static func digits(_ text: Span<UInt8>, from start: Int, count: Int) -> Int? {
        var value = 0
        for index in start ..< start + count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func appendDigits(_ value: Int, count: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1 ..< count { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
