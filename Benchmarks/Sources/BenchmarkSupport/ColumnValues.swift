import SluiceCore

/// The columns the column-sum benchmarks add up; `sluice-reference-kernels` fills its arrays with the
/// same formulas (`column_sum.cpp`).
public enum ColumnValues {
    /// The number of values in each column: 8 MB of `Double`s or `Int64`s.
    public static let count = 1_000_000

    /// `0.25 * (i % 1000)` for row `i`.
    public static func doubles() -> PrimitiveColumn<Double> {
        PrimitiveColumn((0 ..< count).lazy.map { 0.25 * Double($0 % 1000) })
    }

    /// `(i * 7) % 1000` for row `i`.
    public static func integers() -> PrimitiveColumn<Int64> {
        PrimitiveColumn((0 ..< count).lazy.map { Int64($0 * 7 % 1000) })
    }
}
