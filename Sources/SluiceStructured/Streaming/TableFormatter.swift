import SluiceCore

/// Spark's `show()` layout: a boxed table with right-aligned cells.
enum TableFormatter {
    static func format(schema: Schema, rows: [[Value]]) -> String {
        let header = schema.fields.map(\.name)
        let cells = rows.map { $0.map { $0.description } }
        let widths = header.indices.map { column in
            ([header[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        let line = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+\n"
        func render(_ values: [String]) -> String {
            "|" + zip(values, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "|") + "|\n"
        }
        return line + render(header) + line + cells.map(render).joined() + line
    }
}
