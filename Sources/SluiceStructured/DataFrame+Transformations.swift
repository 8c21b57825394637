import SluiceCore

extension DataFrame {
    /// The listed columns or expressions.
    public func select(_ columns: Column...) -> DataFrame { with(.project(plan, columns.map(\.expression))) }

    /// The listed columns, by name.
    public func select(_ names: String...) -> DataFrame { with(.project(plan, names.map { .column($0) })) }

    /// The rows for which `condition` is true.
    public func filter(_ condition: Column) -> DataFrame { with(.filter(plan, condition.expression)) }

    /// The same as `filter`.
    public func `where`(_ condition: Column) -> DataFrame { filter(condition) }

    /// All columns, plus (or replacing) `name` computed as `column`.
    public func withColumn(_ name: String, _ column: Column) throws(AnalysisError) -> DataFrame {
        let fields = try schema().fields
        var expressions = fields.map { field in field.name == name ? column.alias(name).expression : .column(field.name) }
        if !fields.contains(where: { $0.name == name }) { expressions.append(column.alias(name).expression) }
        return with(.project(plan, expressions))
    }

    /// All columns but the named ones (unknown names are ignored, as in Spark).
    public func drop(_ names: String...) throws(AnalysisError) -> DataFrame {
        with(.project(plan, try schema().fields.map(\.name).filter { !names.contains($0) }.map { .column($0) }))
    }

    /// Groups rows by the columns, for `agg` or `count`.
    public func groupBy(_ columns: Column...) -> GroupedData { GroupedData(frame: self, keys: columns.map(\.expression)) }

    /// All rows as one group (a global aggregate).
    public func groupBy() -> GroupedData { GroupedData(frame: self, keys: []) }

    /// Groups rows by the named columns.
    public func groupBy(_ names: String...) -> GroupedData { GroupedData(frame: self, keys: names.map { .column($0) }) }

    /// This DataFrame's rows matched with `other`'s on equal `columns` (`other` must be static when this
    /// one is a stream): the join columns once, then this side's other columns, then `other`'s.
    public func join(_ other: DataFrame, on columns: [String], kind: JoinKind = .inner) -> DataFrame {
        with(.join(plan, other.plan, columns: columns, kind: kind))
    }

    /// Joins on one column.
    public func join(_ other: DataFrame, on column: String, kind: JoinKind = .inner) -> DataFrame {
        join(other, on: [column], kind: kind)
    }

    /// Rows sorted by the keys (`col("x").desc()` for descending).
    public func orderBy(_ keys: SortOrder...) -> DataFrame { with(.sort(plan, keys.map(\.key))) }

    /// The first `count` rows.
    public func limit(_ count: Int) -> DataFrame { with(.limit(plan, count)) }

    /// Declares that events on `column` arrive at most `delay` late; stateful operators drop later ones.
    public func withWatermark(_ column: String, _ delay: Duration) -> DataFrame { with(.watermark(plan, column: column, delay: delay)) }

    /// Each distinct combination of the named columns once.
    public func dropDuplicates(_ columns: [String]) -> DataFrame { with(.deduplicate(plan, columns: columns)) }
}

/// The rows of a DataFrame grouped by keys: Spark's `RelationalGroupedDataset`.
public struct GroupedData: Sendable {
    let frame: DataFrame
    let keys: [Expression]

    /// One row per group: the keys, then the aggregates.
    public func agg(_ aggregates: Column...) -> DataFrame {
        frame.with(.aggregate(frame.plan, keys: keys, aggregates: aggregates.map(\.expression)))
    }

    /// One row per group: the keys and the group's row count, in a column `count`.
    public func count() -> DataFrame { agg(Column(.aggregate(.count, nil)).alias("count")) }
}

/// A sort key with its direction.
public struct SortOrder: Sendable {
    let key: SortKey
}

extension Column {
    /// Ascending order by this column.
    public func asc() -> SortOrder { SortOrder(key: SortKey(expression, ascending: true)) }
    /// Descending order by this column.
    public func desc() -> SortOrder { SortOrder(key: SortKey(expression, ascending: false)) }
}
