/// How a query's result rows sit in the sink table: the columns that identify a row, the columns that
/// hold its values, and whether each batch upserts rows or replaces the table.
public struct SinkLayout: Sendable, Equatable {
    /// How a batch's rows change the table.
    public enum OutputMode: String, Sendable, Equatable {
        /// Each row replaces the row with the same key, or is added (Spark's update mode into an
        /// upserting sink): the table is the batches' rows accumulated by key.
        case update
        /// A batch's rows are the whole answer and replace the table (Spark's complete mode).
        case complete
    }

    /// The columns a row is identified by, in the order keys are printed.
    public var keyColumns: [SinkColumn]
    /// The columns compared; other columns of a sink row (a batch id, say) are ignored.
    public var valueColumns: [SinkColumn]
    /// The value column that counts orders, whose differences the checkers report as lost and
    /// duplicated; nil when no column counts, and differences are counted in rows.
    public var countColumn: String?
    public var outputMode: OutputMode

    public init(keyColumns: [SinkColumn], valueColumns: [SinkColumn], countColumn: String?, outputMode: OutputMode) {
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
        self.countColumn = countColumn
        self.outputMode = outputMode
    }
}

/// One column of a result table, with the kind of value it holds, so values a sink stores differently
/// (a boolean as 0 or 1, a timestamp as µs or as text) compare as the same value.
public struct SinkColumn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `true`/`false`; read from a boolean or the integers 0 and 1.
        case boolean
        /// An instant; read from µs since the epoch or `yyyy-MM-dd HH:mm:ss[.ffffff]` text, kept as text.
        case timestamp
        /// A number, integral or not.
        case number
        /// Anything else, compared as stored.
        case other
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
