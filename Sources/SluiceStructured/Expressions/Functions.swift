import SluiceCore

/// A string column split on a separator, waiting to be exploded into one row per part.
public struct SplitColumn: Sendable {
    let operand: Expression
    let separator: String
}

/// The parts of each string split on `separator`; pass to `explode`.
public func split(_ column: Column, _ separator: String) -> SplitColumn {
    SplitColumn(operand: column.expression, separator: separator)
}

/// One row per part of the split strings (Spark's `explode(split(…))`); empty parts are kept, as Spark does.
public func explode(_ split: SplitColumn) -> Column {
    Column(.explodeSplit(split.operand, separator: split.separator))
}

/// The hour of the day (0–23, UTC) of a timestamp column.
public func hour(_ column: Column) -> Column { Column(.hour(column.expression)) }

/// A `yyyy-MM-dd HH:mm:ss` string column read as UTC timestamps; null where a value does not parse.
public func to_timestamp(_ column: Column) -> Column { Column(.toTimestamp(column.expression)) }

/// The time windows of `length` every `slide` (tumbling when omitted), offset by `start`, that contain each
/// timestamp: Spark's `window`, aligned to multiples of the slide since the epoch plus `start`.
public func window(_ time: Column, _ length: Duration, slide: Duration? = nil, start: Duration = .zero) -> Column {
    Column(.window(time.expression, length: length, slide: slide ?? length, start: start))
}

/// The session of each timestamp: events less than `gap` apart share a session (Spark's `session_window`).
public func session_window(_ time: Column, _ gap: Duration) -> Column {
    Column(.sessionWindow(time.expression, gap: gap))
}

/// The number of rows of the group (`"*"`) or of non-null values of a column.
public func count(_ name: String) -> Column {
    Column(.aggregate(.count, name == "*" ? nil : .column(name)))
}

/// The number of non-null values of `column` in the group.
public func count(_ column: Column) -> Column { Column(.aggregate(.count, column.expression)) }

/// The sum of the group's non-null values.
public func sum(_ column: Column) -> Column { Column(.aggregate(.sum, column.expression)) }

/// The mean of the group's non-null values, as a `Double`.
public func avg(_ column: Column) -> Column { Column(.aggregate(.avg, column.expression)) }

/// The smallest of the group's non-null values.
public func min(_ column: Column) -> Column { Column(.aggregate(.min, column.expression)) }

/// The largest of the group's non-null values.
public func max(_ column: Column) -> Column { Column(.aggregate(.max, column.expression)) }

extension Duration {
    /// `count` minutes.
    public static func minutes(_ count: Int) -> Duration { .seconds(count * 60) }
    /// `count` hours.
    public static func hours(_ count: Int) -> Duration { .seconds(count * 3600) }
}
