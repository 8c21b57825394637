import Foundation

extension HistoryEntry {
    /// The entry as its line of `history.jsonl`, newline included: keys sorted, so the same entry is
    /// always the same bytes.
    public func jsonLine() throws -> Data {
        var line = try Self.lineEncoder.encode(self)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Reads one line of `history.jsonl` (without its newline); a failure says what is wrong with it.
    public init(jsonLine: some Collection<UInt8>) throws(HistoryLineProblem) {
        do {
            self = try JSONDecoder().decode(HistoryEntry.self, from: Data(jsonLine))
        } catch let error as DecodingError {
            throw HistoryLineProblem(error)
        } catch {
            throw HistoryLineProblem(description: "\(error)")
        }
    }

    private static var lineEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
