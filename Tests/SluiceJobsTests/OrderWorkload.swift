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
