import SluiceCore
import SluiceOrders

/// A batch of orders for the group-by benchmarks: about 100 distinct clients, amounts of 1–1000 shares,
/// prices of 0.01–200.00 and a buy flag, each row a function of its row number alone, so that
/// `sluice-reference-kernels` builds the same rows (`synthetic_orders.hpp`).
public enum SyntheticOrders {
    /// The lecture's batch size: 500,000 orders.
    public static let lectureCount = 500_000

    /// `count` orders in `OrderSchema`'s columns; row `i` is derived from `HashMixing.mix(i)`.
    public static func batch(count: Int) -> RecordBatch {
        let bits = (0 ..< count).map { HashMixing.mix(UInt64($0)) }
        let symbols = ["EPE", "NFLX", "VALE"]
        let columns: [Column] = [
            .timestamp(PrimitiveColumn((0 ..< count).lazy.map { 1_458_678_328_000_000 + Int64($0) * 1_000_000 })),
            .int64(PrimitiveColumn((0 ..< count).lazy.map { Int64($0 + 1) })),
            .int64(PrimitiveColumn(bits.lazy.map { Int64(1 + $0 % 100) })),
            .string(StringColumn(bits.lazy.map { symbols[Int(($0 >> 8) % 3)] })),
            .int64(PrimitiveColumn(bits.lazy.map { Int64(1 + ($0 >> 16) % 1000) })),
            .double(PrimitiveColumn(bits.lazy.map { Double(1 + ($0 >> 32) % 20_000) / 100 })),
            .bool(PrimitiveColumn(bits.lazy.map { $0 >> 63 == 1 })),
        ]
        do {
            return try RecordBatch(schema: OrderSchema.schema, columns: columns)
        } catch {
            preconditionFailure("SyntheticOrders: \(error)")
        }
    }
}
