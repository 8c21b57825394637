import Foundation

/// How reports write numbers: exact milliseconds in CSV files, readable durations, counts and rates in
/// the summary.
public enum ReportNumbers {
    /// µs as milliseconds with exactly three decimals, e.g. 1234567 → "1234.567": exact, and easy to
    /// compare and plot.
    public static func milliseconds(_ microseconds: Int64) -> String {
        let sign = microseconds < 0 ? "-" : ""
        let magnitude = microseconds.magnitude
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// µs as a duration to read, to three significant digits or whole µs, without trailing zeros:
    /// "850 µs", "4.25 ms", "812.5 ms", "100 ms", "1.25 s", "1 s".
    public static func duration(_ microseconds: Int64) -> String {
        let magnitude = Double(microseconds.magnitude)
        let sign = microseconds < 0 ? "-" : ""
        if magnitude < 1_000 { return "\(microseconds) µs" }
        if magnitude < 10_000 { return sign + trimmed(String(format: "%.2f", magnitude / 1_000)) + " ms" }
        if magnitude < 1_000_000 { return sign + trimmed(String(format: "%.1f", magnitude / 1_000)) + " ms" }
        return sign + trimmed(String(format: "%.2f", magnitude / 1_000_000)) + " s"
    }

    /// A decimal number without trailing zeros after its point, nor a bare point.
    private static func trimmed(_ number: String) -> String {
        guard number.contains(".") else { return number }
        var text = Substring(number)
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }

    /// A whole number with thousands separated by commas, e.g. "1,234,567".
    public static func count(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A rate, rounded to a whole number of records per second, e.g. "48,512 records/s".
    public static func rate(_ recordsPerSecond: Double) -> String {
        "\(count(Int64(recordsPerSecond.rounded()))) records/s"
    }

    /// Bytes in GiB with one decimal, e.g. "23.4 GiB".
    public static func gibibytes(_ bytes: UInt64) -> String {
        String(format: "%.1f GiB", Double(bytes) / 1_073_741_824)
    }
}
