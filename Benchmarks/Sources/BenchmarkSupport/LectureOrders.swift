import SluiceCore
import SluiceOrders

/// The lecture's 500,000 orders, the same bytes `sluice-orders-file` writes for the C++ reference kernels.
public enum LectureOrders {
    /// SluiceOrders' default, which `sluice-orders-file` writes too: 500,000 orders over six hours,
    /// 100 clients, seed 20160322, no malformed lines.
    public static let configuration = OrderGenerator.Configuration()

    /// The text of `orders.txt`.
    public static func text() -> [UInt8] {
        OrderGenerator.generate(configuration).text
    }

    /// The orders as `OrderParser` reads them from `text()`: one `OrderSchema` batch.
    public static func batch() -> RecordBatch {
        OrderParser().parse(text(), source: "orders.txt").records.batch
    }
}
