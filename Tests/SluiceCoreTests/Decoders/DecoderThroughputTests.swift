import Foundation
import SluiceTesting
import Testing
@testable import SluiceCore

/// Decoding speed over simple numeric records; checks the rows always, prints MB/s under `SLUICE_STRESS=1`,
/// meant for a release build:
/// `SLUICE_STRESS=1 swift test -c release -Xswiftc -enable-testing --filter DecoderThroughputTests`.
/// Speed is never asserted.
@Suite(.serialized) struct DecoderThroughputTests {
    static let rows = isStressRun ? 4_000_000 : 20_000
    static let schema = Schema([Field("id", .int64), Field("client", .int64), Field("amount", .int64), Field("price", .double)])

    /// `rows` seeded lines such as `1234567,4821,300,101.25`.
    static func numericLines(json: Bool) -> [UInt8] {
        var generator = SeededGenerator(seed: 11)
        var text: [UInt8] = []
        text.reserveCapacity(rows * (json ? 72 : 32))
        for row in 0 ..< rows {
            let client = generator.next() % 10_000
            let amount = generator.next() % 1000 + 1
            let price = "\(generator.next() % 100_000 / 100).\(generator.next() % 100)"
            let line = json ? #"{"id": \#(row), "client": \#(client), "amount": \#(amount), "price": \#(price)}"#
                : "\(row),\(client),\(amount),\(price)"
            text.append(contentsOf: line.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }

    @Test(arguments: ["csv", "json"])
    func decodesNumericRecords(format: String) {
        let text = Self.numericLines(json: format == "json")
        let decoder: any RecordDecoder = format == "json" ? JSONLinesDecoder(schema: Self.schema) : CSVDecoder(schema: Self.schema)
        var best = Duration.seconds(1000)
        var decoded = DecodedRecords(batch: .empty(Self.schema), lines: 0)
        for _ in 0 ..< (isStressRun ? 5 : 1) {
            let started = ContinuousClock.now
            decoded = decoder.decode(text, source: "numbers.\(format)", firstLine: 1)
            best = min(best, ContinuousClock.now - started)
        }
        #expect(decoded.batch.rowCount == Self.rows && decoded.malformed == 0)
        #expect(decoded.batch.row(Self.rows - 1)[0] == .int64(Int64(Self.rows - 1)))
        if isStressRun {
            let seconds = Double(best.microseconds) / 1_000_000
            let megabytes = Double(text.count) / 1_000_000
            print("\(format) decode: \(Self.rows) rows, \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.3f", seconds)) s"
                + " = \(String(format: "%.0f", megabytes / seconds)) MB/s (best of 5)")
        }
    }
}
