import SluiceCore

/// The rows of a batch as an aggregation sees them: once each, or once per window containing the row's
/// time when a key is `window(time, length, slide, start)`.
///
/// Spark's alignment: windows start at `start + k·slide`; a row at time `t` belongs to every window
/// `[s, s + length)` with `s ≤ t < s + length`.
struct WindowExpansion {
    /// The source row of each expanded row; nil when rows are not repeated (no window key, or tumbling
    /// windows over a column without nulls: each row is in exactly one window).
    private let rows: ContiguousArray<Int32>?
    private let starts: PrimitiveColumn<Int64>?
    private let windowKey: Expression?
    let rowCount: Int

    init(keys: [Expression], batch: RecordBatch) throws(AnalysisError) {
        guard let key = keys.first(where: { if case .window = $0.unaliased { true } else { false } }),
              case .window(let time, let length, let slide, let start) = key.unaliased else {
            rows = nil
            starts = nil
            windowKey = nil
            rowCount = batch.rowCount
            return
        }
        guard case .timestamp(let times) = try ExpressionEvaluator.evaluate(time, on: batch) else {
            throw .typeMismatch(key, "window needs a timestamp column")
        }
        let (lengthMicros, slideMicros, offset) = (length.microseconds, slide.microseconds, start.microseconds)
        if lengthMicros == slideMicros && times.validity == nil {
            let starts = times.values.map { ($0 - offset).floorDivided(by: slideMicros) * slideMicros + offset }
            self.rows = nil
            self.starts = PrimitiveColumn(ColumnBuffer(starts))
            self.windowKey = key
            self.rowCount = batch.rowCount
            return
        }
        var rows = ContiguousArray<Int32>()
        var starts = ContiguousArray<Int64>()
        for row in 0 ..< times.count where !times.isNull(row) {
            let time = times.values[row]
            var windowStart = (time - offset).floorDivided(by: slideMicros) * slideMicros + offset
            while windowStart > time - lengthMicros {
                rows.append(Int32(row))
                starts.append(windowStart)
                windowStart -= slideMicros
            }
        }
        self.rows = rows
        self.starts = PrimitiveColumn(ColumnBuffer(starts))
        self.windowKey = key
        self.rowCount = rows.count
    }

    /// The window starts, if `key` is the window key.
    func windowStarts(for key: Expression) -> PrimitiveColumn<Int64>? {
        key == windowKey ? starts : nil
    }

    /// A column of the batch seen through the expansion.
    func gather(_ column: ColumnVector) -> ColumnVector {
        rows.map { column.gather(SelectionVector(ColumnBuffer($0))) } ?? column
    }
}
