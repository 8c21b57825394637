import SluiceCore
import SluiceOrders
import SluiceStructured

/// The lecture's `StructuredNetworkWordCount`: a running count of the words read from a socket.
public enum StructuredWordCount {
    /// `lines.select(explode(split(lines.value, " ")).alias("word")).groupBy("word").count()`.
    public static func define(lines: DataFrame) -> DataFrame {
        lines.select(explode(split(col("value"), " ")).alias("word")).groupBy("word").count()
    }
}

/// The lecture's windowed count over orders: buys and sells per one-hour window sliding by five minutes,
/// on event time, with late orders accepted for ten minutes.
public enum WindowedOrderCounts {
    /// The orders of the files moved into `directory`, one file per micro-batch.
    public static func orders(_ session: Session, directory: String) -> DataFrame {
        session.readStream.files(directory: directory, decoder: OrderParser(), maxFilesPerTrigger: 1)
    }

    /// `groupBy(buy, window(time, 1 hour, 5 minutes)).count()` with a 10-minute watermark.
    public static func define(orders: DataFrame, length: Duration = .hours(1), slide: Duration = .minutes(5)) -> DataFrame {
        orders.withWatermark("time", .minutes(10))
            .groupBy(col("buy"), window(col("time"), length, slide: slide))
            .count()
    }
}
