/// What `sluice-harness list` prints: a table of the scenarios a folder holds, then each file that
/// failed to parse with its error.
public enum ScenarioListing {
    /// The columns, in order.
    static let header = ["name", "source", "api/query", "rate", "duration", "faults", "checks"]

    /// The table and the failures, for the folder `directory` read into `entries`.
    public static func render(_ entries: [ScenarioLoader.Entry], directory: String) -> String {
        var rows: [[String]] = []
        var failures: [ScenarioError] = []
        for entry in entries {
            switch entry.result {
            case .success(let scenario):
                rows.append([scenario.name, scenario.sourceSummary, scenario.querySummary, scenario.rateSummary, scenario.durationSummary,
                             scenario.faultsSummary, scenario.checksSummary])
            case .failure(let error):
                failures.append(error)
            }
        }
        var lines: [String] = []
        if rows.isEmpty {
            lines.append("no scenario in \(directory)")
        } else {
            lines += alignedTable([header] + rows)
        }
        if !failures.isEmpty {
            lines.append("")
            lines.append("\(failures.count) of \(entries.count) \(entries.count == 1 ? "file" : "files") in \(directory) failed to parse:")
            lines += failures.map(\.description)
        }
        return lines.joined(separator: "\n")
    }

    /// Rows with every column padded to its widest cell, a rule under the first row.
    private static func alignedTable(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ").trimmingTrailingBlanks()
        }
        return [line(rows[0]), line(widths.map { String(repeating: "-", count: $0) })] + rows.dropFirst().map(line)
    }
}

extension String {
    /// The string without the spaces at its end.
    fileprivate func trimmingTrailingBlanks() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
