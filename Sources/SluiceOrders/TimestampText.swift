/// The lecture's event-time text, `yyyy-MM-dd HH:mm:ss` in UTC, to and from microseconds since the epoch.
///
/// Dates are proleptic Gregorian; the day arithmetic is Howard Hinnant's `days_from_civil` and
/// `civil_from_days`. Text has whole seconds: formatting rounds an instant down to its second.
enum TimestampText {
    /// The length of the text form, `2016-03-22 20:25:28`.
    static let byteCount = 19
    static let microsecondsPerSecond: Int64 = 1_000_000
    static let secondsPerDay: Int64 = 86_400

    /// Appends the text form of `microseconds`, whose year must lie in 0...9999.
    static func append(_ microseconds: Int64, to buffer: inout [UInt8]) {
        let seconds = floorDivision(microseconds, microsecondsPerSecond)
        let days = floorDivision(seconds, secondsPerDay)
        let secondOfDay = Int(seconds - days * secondsPerDay)
        let date = civilDate(daysSinceEpoch: days)
        precondition((0...9999).contains(date.year), "timestamp \(microseconds) µs: year \(date.year) is outside 0...9999")
        buffer.appendFourDigits(Int(date.year))
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
    static func decode(_ text: ArraySlice<UInt8>) -> Int64? {
        guard text.count == byteCount else { return nil }
        let base = text.startIndex
        guard text[base + 4] == UInt8(ascii: "-"), text[base + 7] == UInt8(ascii: "-"),
              text[base + 10] == UInt8(ascii: " "), text[base + 13] == UInt8(ascii: ":"),
              text[base + 16] == UInt8(ascii: ":"),
              let year = digits(text, from: 0, count: 4),
              let month = digits(text, from: 5, count: 2),
              let day = digits(text, from: 8, count: 2),
              let hour = digits(text, from: 11, count: 2),
              let minute = digits(text, from: 14, count: 2),
              let second = digits(text, from: 17, count: 2),
              (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysSinceEpoch(year: Int64(year), month: month, day: day)
        let seconds = days * secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        return seconds * microsecondsPerSecond
    }

    /// The number of days from 1970-01-01 to the given date (negative before it).
    static func daysSinceEpoch(year: Int64, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date that lies `days` days after 1970-01-01.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `dividend / divisor` rounded towards negative infinity; `divisor` must be positive.
    static func floorDivision(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        let quotient = dividend / divisor
        return dividend % divisor < 0 ? quotient - 1 : quotient
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func digits(_ text: ArraySlice<UInt8>, from offset: Int, count: Int) -> Int? {
        var value = 0
        let start = text.startIndex + offset
        for index in start..<(start + count) {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
