import SluiceCore

/// `CAST` between Sluice's types, as Spark's non-ANSI casts: a value that does not convert becomes null.
enum Casts {
    static func cast(_ column: ColumnVector, to target: DataType, expression: Expression) throws(AnalysisError) -> ColumnVector {
        if column.dataType == target { return column }
        let count = column.count
        var builder = AnyBuilder(target, capacity: count)
        for row in 0 ..< count {
            builder.append(column.isNull(row) ? nil : convert(column.value(at: row), to: target))
        }
        return builder.finish()
    }

    /// One value converted, or nil.
    static func convert(_ value: Value, to target: DataType) -> Value? {
        switch (value, target) {
        case (.int64(let x), .double): .double(Double(x))
        case (.int64(let x), .bool): .bool(x != 0)
        case (.int64(let x), .timestamp): .timestamp(x * 1_000_000)
        case (.double(let x), .int64): x.isFinite && abs(x) < 9.2e18 ? .int64(Int64(x)) : nil
        case (.double(let x), .bool): .bool(x != 0)
        case (.bool(let x), .int64): .int64(x ? 1 : 0)
        case (.bool(let x), .double): .double(x ? 1 : 0)
        case (.timestamp(let x), .int64): .int64(x.floorDivided(by: 1_000_000))
        case (.timestamp(let x), .double): .double(Double(x) / 1_000_000)
        case (.string(let text), .int64): Int64(text.trimmingSpaces).map(Value.int64)
        case (.string(let text), .double): Double(text.trimmingSpaces).map(Value.double)
        case (.string(let text), .bool): ["true": Value.bool(true), "false": .bool(false)][text.trimmingSpaces.lowercased()]
        case (.string(let text), .timestamp): TimestampText.parse(text.trimmingSpaces).map { .timestamp($0.microseconds) }
        case (_, .string): .string(value.description)
        default: nil
        }
    }

    /// A builder for any target type, fed with optional values.
    private struct AnyBuilder {
        var builder: RecordBatchBuilder

        init(_ type: DataType, capacity: Int) {
            builder = RecordBatchBuilder(schema: Schema([Field("value", type, nullable: true)]), capacity: capacity)
        }

        mutating func append(_ value: Value?) {
            try? builder.append(row: [value ?? .null])
        }

        mutating func finish() -> ColumnVector { builder.finish().columns[0] }
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start ..< end]
    }
}

/// Reads `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`, optionally with `T` and fractional seconds) as UTC.
enum TimestampText {
    static func parse(_ text: Substring) -> Timestamp? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-")
        guard date.count == 3, let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              (1 ... 12).contains(month), (1 ... 31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0, micros = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":")
            guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), (0 ..< 24).contains(h), (0 ..< 60).contains(m) else { return nil }
            let secondParts = time[2].split(separator: ".", maxSplits: 1)
            guard let s = Int(secondParts[0]), (0 ..< 60).contains(s) else { return nil }
            if secondParts.count == 2 {
                let digits = secondParts[1].prefix(6)
                guard let fraction = Int(digits) else { return nil }
                micros = fraction * Int(pow10(6 - digits.count))
            }
            (hour, minute, second) = (h, m, s)
        }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micros)
    }

    private static func pow10(_ exponent: Int) -> Int { (0 ..< exponent).reduce(1) { result, _ in result * 10 } }
}
