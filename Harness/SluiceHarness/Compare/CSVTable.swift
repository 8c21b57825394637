import Foundation

/// A report CSV file read for `compare`: a header line, then rows of plain comma-separated fields (the
/// reporter writes no quotes). Each value is looked up by its header name, so a reordered or extended
/// file still reads, and each bad value names its file, line and column.
struct CSVTable: Sendable {
    /// One data row: its line in the file (from 1) and its fields.
    struct Row: Sendable {
        let line: Int
        let fields: [Substring]
    }

    /// The file, as it was named.
    let file: String
    let header: [String]
    let rows: [Row]

    /// Reads the file at `path`.
    static func read(path: String) throws(CompareError) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CompareError(place: path, problem: "cannot read the file: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CompareError(place: path, problem: "the file is not UTF-8 text") }
        return try parse(text, file: path)
    }

    /// Reads `text`, named `file` in errors. Blank lines are skipped; every row must have the header's
    /// number of fields.
    static func parse(_ text: String, file: String) throws(CompareError) -> CSVTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, $0.element.trimmingSuffix("\r")) }
        let content = lines.filter { !$0.1.allSatisfy(\.isWhitespace) }
        guard let (_, headerLine) = content.first else { throw CompareError(place: file, problem: "the file is empty; expected a header line") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        for (line, text) in content.dropFirst() {
            let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw CompareError(place: file, line: line, problem: "expected \(header.count) fields as in the header (\(header.joined(separator: ","))), got \(fields.count)")
            }
            rows.append(Row(line: line, fields: fields))
        }
        return CSVTable(file: file, header: header, rows: rows)
    }

    /// The index of `column` in the header.
    func index(of column: String) throws(CompareError) -> Int {
        guard let index = header.firstIndex(of: column) else {
            throw CompareError(place: file, problem: "missing the header column \(column); the header is \(header.joined(separator: ","))")
        }
        return index
    }

    /// The number in `column` of `row`, at least 0 unless `signed`; nil when the field is empty and `optional`.
    func number(_ row: Row, _ column: String, expected: String, optional: Bool = false, signed: Bool = false) throws(CompareError) -> Double? {
        let field = row.fields[try index(of: column)].trimmingCharacters(in: .whitespaces)
        if field.isEmpty, optional { return nil }
        guard let value = Double(field), value.isFinite, signed || value >= 0 else {
            throw CompareError(place: file, line: row.line, column: column, problem: "expected \(expected), got \"\(field)\"")
        }
        return value
    }

    /// The whole number in `column` of `row`, at least 0.
    func wholeNumber(_ row: Row, _ column: String, expected: String) throws(CompareError) -> Int64 {
        let field = row.fields[try index(of: column)].trimmingCharacters(in: .whitespaces)
        guard let value = Int64(field), value >= 0 else {
            throw CompareError(place: file, line: row.line, column: column, problem: "expected \(expected), got \"\(field)\"")
        }
        return value
    }
}

extension Substring {
    /// The text without one trailing `suffix`, for CRLF files.
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        last == suffix ? dropLast() : self
    }
}
