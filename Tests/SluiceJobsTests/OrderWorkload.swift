import Foundation
import SluiceOrders

/// A small seeded order workload split into files, with the reference answers over every prefix of
/// whole files: what a crashed and restarted job's sink is checked against.
struct OrderWorkload: Sendable {
    let directory: String
    /// The orders of each file, in file (name) order.
    let files: [[Order]]

    /// Generates `count` orders (no late or malformed ones) into `fileCount` files in a new directory.
    static func make(count: Int = 4000, fileCount: Int = 8, seed: UInt64 = 7) throws -> OrderWorkload {
        let directory = NSTemporaryDirectory() + "sluice-jobs-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let generated = OrderGenerator.generate(.init(count: count, seed: seed, lateFraction: 0, malformedFraction: 0))
        let lines = String(decoding: generated.text, as: UTF8.self).split(separator: "\n")
        let perFile = (lines.count + fileCount - 1) / fileCount
        var files: [[Order]] = []
        for file in 0 ..< fileCount {
            let slice = lines[(file * perFile) ..< min(lines.count, (file + 1) * perFile)]
            try (slice.joined(separator: "\n") + "\n").write(toFile: directory + "/orders-\(String(format: "%03d", file)).csv", atomically: true, encoding: .utf8)
            files.append(Array(generated.orders[(file * perFile) ..< min(generated.orders.count, (file + 1) * perFile)]))
        }
        return OrderWorkload(directory: directory, files: files)
    }

    /// The buy and sell counts over the first `fileCount` files, as the sink's `buy → count` rows.
    func buySellCounts(overFirst fileCount: Int) -> [Bool: Int64] {
        let counts = OrderReference.buySellCounts(files.prefix(fileCount).joined())
        return [true: counts.buys, false: counts.sells].filter { $0.value > 0 }
    }
}

/// A window's row in the sink: the side and the window's start.
struct WindowKey: Hashable, Sendable {
    let buy: Bool
    let start: Int64
}

extension OrderWorkload {
    /// The count of each side in each one-hour window sliding by five minutes, over the first `fileCount` files.
    func windowCounts(overFirst fileCount: Int) -> [WindowKey: Int64] {
        var counts: [WindowKey: Int64] = [:]
        for window in OrderReference.buySellCountsPerWindow(files.prefix(fileCount).joined()) {
            if window.counts.buys > 0 { counts[WindowKey(buy: true, start: window.window.start)] = window.counts.buys }
            if window.counts.sells > 0 { counts[WindowKey(buy: false, start: window.window.start)] = window.counts.sells }
        }
        return counts
    }

    /// The number of files (whole batches of two) over which `answer` gives `rows`, if any.
    func prefixLength<Rows: Equatable>(of rows: Rows, answer: (Int) -> Rows) -> Int? {
        stride(from: 0, through: files.count, by: 2).first { answer($0) == rows }
    }
}
