import SluiceCore
import SluiceDStream

/// The lecture's `network-count.py`: counts the words of each batch of lines read from a socket.
public enum NetworkWordCount {
    /// Splits lines on spaces and counts each word per batch, printing the counts.
    @discardableResult
    public static func define(lines: DStream<String>) -> DStream<(String, Int)> {
        let counts = lines.flatMap { $0.split(separator: " ").map(String.init) }
            .map { ($0, 1) }
            .reduceByKey(+)
        counts.pprint()
        return counts
    }
}

/// The lecture's `stateful-wordcount.py`: a running count of every word seen so far.
public enum StatefulNetworkWordCount {
    /// Splits lines on spaces and keeps each word's count across batches with `updateStateByKey`.
    @discardableResult
    public static func define(lines: DStream<String>) -> DStream<(String, Int)> {
        let runningCounts = lines.flatMap { $0.split(separator: " ").map(String.init) }
            .map { ($0, 1) }
            .updateStateByKey { (newValues: [Int], runningCount: Int?) in (runningCount ?? 0) + newValues.reduce(0, +) }
        runningCounts.pprint()
        return runningCounts
    }
}
