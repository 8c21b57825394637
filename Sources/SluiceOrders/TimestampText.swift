import SluiceCore

/// The lecture's event-time text, `yyyy-MM-dd HH:mm:ss` in UTC, to and from microseconds since the epoch,
/// written into and read from bytes directly (SluiceCore's `Timestamp.description` builds a `String`).
///
/// Dates are proleptic Gregorian (`CivilCalendar`). Text has whole seconds: formatting rounds an instant
/// down to its second.
enum TimestampText {
    /// The length of the text form, `2016-03-22 20:25:28`.
    static let byteCount = 19
    static let microsecondsPerSecond: Int64 = 1_000_000
    static let secondsPerDay: Int64 = 86_400

    /// Appends the text form of `microseconds`, whose year must lie in 0...9999.
    static func append(_ microseconds: Int64, to buffer: inout [UInt8]) {
        let seconds = microseconds.floorDivided(by: microsecondsPerSecond)
        let days = seconds.floorDivided(by: secondsPerDay)
        let secondOfDay = Int(seconds - days * secondsPerDay)
        let date = CivilCalendar.date(days: Int(days))
        precondition((0...9999).contains(date.year), "timestamp \(microseconds) µs: year \(date.year) is outside 0...9999")
        buffer.appendFourDigits(date.year)
        buffer.append(UInt8(ascii: "-"))
        buffer.appendTwoDigits(date.month)
        buffer.append(UInt8(ascii: "-"))
        buffer.appendTwoDigits(date.day)
        buffer.append(UInt8(ascii: " "))
        buffer.appendTwoDigits(secondOfDay / 3600)
        buffer.append(UInt8(ascii: ":"))
        buffer.appendTwoDigits(secondOfDay / 60 % 60)
        buffer.append(UInt8(ascii: ":"))
        buffer.appendTwoDigits(secondOfDay % 60)
    }

    /// The instant that `text` names, or nil unless it is exactly `yyyy-MM-dd HH:mm:ss` with a real date and time.
    static func decode(_ text: Span<UInt8>) -> Int64? {
        guard text.count == byteCount,
              text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
              let year = digits(text, from: 0, count: 4),
              let month = digits(text, from: 5, count: 2),
              let day = digits(text, from: 8, count: 2),
              let hour = digits(text, from: 11, count: 2),
              let minute = digits(text, from: 14, count: 2),
              let second = digits(text, from: 17, count: 2),
              (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
        let seconds = days * secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        return seconds * microsecondsPerSecond
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    @inline(__always)
    private static func digits(_ text: Span<UInt8>, from start: Int, count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
