/// Spark's interval strings, as window lengths, slides and starts take them: one or more
/// `<count> <unit>` pairs, optionally after the word `interval` (`'10 seconds'`, `'1 hour 30 minutes'`,
/// `'interval 500 milliseconds'`). Units are singular or plural, in any case: microsecond, millisecond,
/// second, minute, hour, day, week. Months and years are left out: their length varies.
enum SQLInterval {
    /// The duration `text` spells, or nil when it is not an interval.
    static func duration(_ text: String) -> Duration? {
        var words = text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        if words.first == "interval" { words.removeFirst() }
        guard !words.isEmpty, words.count.isMultiple(of: 2) else { return nil }
        var total = Duration.zero
        for pair in stride(from: 0, to: words.count, by: 2) {
            guard let count = Int64(words[pair]), count >= 0, let unit = unitMicroseconds(words[pair + 1]) else { return nil }
            let (micros, overflow) = count.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += .microseconds(micros)
        }
        return total
    }

    private static func unitMicroseconds(_ word: String) -> Int64? {
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        return switch singular {
        case "microsecond": 1
        case "millisecond": 1000
        case "second": 1_000_000
        case "minute": 60_000_000
        case "hour": 3_600_000_000
        case "day": 86_400_000_000
        case "week": 604_800_000_000
        default: nil
        }
    }
}
