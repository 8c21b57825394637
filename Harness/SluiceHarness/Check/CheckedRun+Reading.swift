import Foundation

extension CheckedRun {
    /// Reads the history at `path` and the sink row files its `sinkRows` lines name (relative to the
    /// history's folder, one JSON object a line); also returns the history's torn last line, if any.
    /// A file that cannot be read, or a line that is not a JSON object, is a ``HistoryError`` naming it.
    public static func read(
        historyAt path: String, fallbackReference: (any ReferenceAnswer.Type)? = nil
    ) throws(HistoryError) -> (run: CheckedRun, tornLastLine: HistoryReader.TornLine?) {
        let (entries, torn) = try HistoryReader.readAll(at: path)
        let folder = (path as NSString).deletingLastPathComponent
        var files: [String: [[String: JSONScalar]]] = [:]
        for entry in entries {
            guard case .sinkRows(let sinkRows) = entry.event, case .path(let relative) = sinkRows.content, files[relative] == nil else { continue }
            files[relative] = try readRows(atPath: folder.isEmpty ? relative : "\(folder)/\(relative)")
        }
        return (CheckedRun(entries: entries, sinkRowFiles: files, fallbackReference: fallbackReference), torn)
    }

    /// The rows of a sink row file, one JSON object a line; blank lines are skipped.
    static func readRows(atPath path: String) throws(HistoryError) -> [[String: JSONScalar]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HistoryError(path: path, problem: "cannot read the sink row file")
        }
        var rows: [[String: JSONScalar]] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                rows.append(try JSONDecoder().decode([String: JSONScalar].self, from: Data(line)))
            } catch {
                throw HistoryError(path: path, line: index + 1, problem: "not a JSON object of column values")
            }
        }
        return rows
    }
}
