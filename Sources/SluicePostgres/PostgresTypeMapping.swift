import SluiceCore

/// How Sluice's column types live in PostgreSQL tables.
///
/// | Sluice      | column made by `PostgresTable`        | also written into           | parameter text          |
/// |-------------|---------------------------------------|-----------------------------|-------------------------|
/// | `int64`     | `BIGINT`                              |                             | `-42`                   |
/// | `double`    | `DOUBLE PRECISION`                    |                             | `0.1`, `inf`, `nan`     |
/// | `bool`      | `BOOLEAN`                             |                             | `true`, `false`         |
/// | `string`    | `TEXT`                                | `VARCHAR`                   | as is                   |
/// | `timestamp` | `TIMESTAMP` (no time zone, holds UTC) | `TIMESTAMP WITH TIME ZONE`  | `2024-05-01 12:00:00.000250`, `… BC` |
///
/// Timestamps are real SQL timestamps, so people querying the table see dates; both are exact to the
/// microsecond, as Sluice's are: written as text in UTC (every session runs with `TimeZone=UTC`), read
/// back as `trunc(extract(epoch FROM column) * 1000000)`, an exact numeric. Doubles are written in
/// Swift's shortest round-trip form and PostgreSQL (12 and later) prints them the same way back.
enum PostgresTypeMapping {
    /// The column type `PostgresTable` creates for `type`.
    static func columnType(for type: DataType) -> String {
        switch type {
        case .int64: "BIGINT"
        case .double: "DOUBLE PRECISION"
        case .bool: "BOOLEAN"
        case .string: "TEXT"
        case .timestamp: "TIMESTAMP"
        }
    }

    /// Whether values of `type` can be written into a column whose `information_schema` type is
    /// `postgresType` without loss.
    static func accepts(_ postgresType: String, for type: DataType) -> Bool {
        switch type {
        case .int64: postgresType == "bigint"
        case .double: postgresType == "double precision"
        case .bool: postgresType == "boolean"
        case .string: postgresType == "text" || postgresType == "character varying"
        case .timestamp: postgresType == "timestamp without time zone" || postgresType == "timestamp with time zone"
        }
    }

    /// The Sluice type a column of `postgresType` is read as: integers as `int64`, floating and
    /// numeric as `double`, timestamps as `timestamp`, booleans as `bool`, anything else as its text.
    static func dataType(reading postgresType: String) -> DataType {
        switch postgresType {
        case "bigint", "integer", "smallint": .int64
        case "double precision", "real", "numeric": .double
        case "boolean": .bool
        case "timestamp without time zone", "timestamp with time zone": .timestamp
        default: .string
        }
    }

    /// Whether `postgresType` is an integer type (a table source's key column must be one).
    static func isInteger(_ postgresType: String) -> Bool {
        postgresType == "bigint" || postgresType == "integer" || postgresType == "smallint"
    }

    /// Every row of `column` as parameter text, nil for null; the column's type is switched on once.
    static func parameterTexts(of column: ColumnVector) -> [String?] {
        let rows = 0 ..< column.count
        switch column {
        case .int64(let values):
            return rows.map { values.isNull($0) ? nil : String(values.values[$0]) }
        case .double(let values):
            return rows.map { values.isNull($0) ? nil : values.values[$0].description }
        case .bool(let values):
            return rows.map { values.isNull($0) ? nil : values.values[$0] ? "true" : "false" }
        case .string(let values):
            let strings = values.dictionary.strings
            return rows.map { values.isNull($0) ? nil : strings[Int(values.codes[$0])] }
        case .timestamp(let values):
            return rows.map { values.isNull($0) ? nil : timestampText(microseconds: values.values[$0]) }
        }
    }

    /// The instant as PostgreSQL reads a `TIMESTAMP`: `yyyy-MM-dd HH:mm:ss.ffffff`, with ` BC` for years
    /// before 1 (PostgreSQL has no year 0: year 0 of the proleptic calendar is 1 BC).
    static func timestampText(microseconds: Int64) -> String {
        let seconds = microseconds.floorDivided(by: 1_000_000)
        let fraction = Int(microseconds - seconds * 1_000_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.date(days: Int(days))
        let date = "\(padded(year > 0 ? year : 1 - year, 4))-\(padded(month, 2))-\(padded(day, 2))"
        let time = "\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2)).\(padded(fraction, 6))"
        return date + " " + time + (year > 0 ? "" : " BC")
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
