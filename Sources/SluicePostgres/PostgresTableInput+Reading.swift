import SluiceCore

extension PostgresTableInput {
    /// The key a cut after `start` ends at: the largest key, or the key of the `maxRowsPerBatch`-th row
    /// past `start` if smaller; nil when there is no key past `start`.
    func nextEnd(after start: Int64?) throws -> Int64? {
        guard let largest = try largestKey(), start.map({ largest > $0 }) ?? true else { return nil }
        guard let maxRowsPerBatch else { return largest }
        let range = keyRange(after: start, through: nil)
        let capped = try connection.execute("SELECT \(key) FROM \(quotedTable) WHERE \(range.condition) ORDER BY \(key) "
            + "OFFSET \(maxRowsPerBatch - 1) LIMIT 1", range.parameters).scalar.flatMap(Int64.init)
        return capped.map { min($0, largest) } ?? largest
    }

    /// The largest key in the table, nil if it has no rows.
    func largestKey() throws -> Int64? {
        try connection.execute("SELECT max(\(key)) FROM \(quotedTable)").scalar.flatMap(Int64.init)
    }

    /// The rows with keys in (`start`, `end`], in key order, decoded; the slice ends at `end`.
    func read(after start: Int64?, through end: Int64) throws -> InputSlice {
        let readers = try readers()
        let range = keyRange(after: start, through: end)
        let result = try connection.execute("SELECT \(key), \(readers.map(\.expression).joined(separator: ", ")) "
            + "FROM \(quotedTable) WHERE \(range.condition) ORDER BY \(key)", range.parameters)
        var builder = RecordBatchBuilder(schema: schema, capacity: result.rows.count)
        var malformed = DecodedRecords(batch: .empty(schema), lines: result.rows.count)
        for row in result.rows {
            switch decode(row.dropFirst(), with: readers) {
            case .success(let values): try builder.append(row: values)
            case .failure(let failure):
                malformed.recordMalformed(InputProblem(source: name, message: "key \(row[0] ?? "NULL"), \(failure.reason); row skipped"))
            }
        }
        let chunks = builder.rowCount == 0 ? [] : [builder.finish()]
        return InputSlice(chunks: chunks, malformedRecords: malformed.malformed, problems: malformed.samples,
                          end: PostgresKeyOffset(key: end).offset)
    }

    private func decode(_ texts: ArraySlice<String?>, with readers: [PostgresColumnReader]) -> Result<[Value], DecodeFailure> {
        var values: [Value] = []
        values.reserveCapacity(readers.count)
        for (reader, text) in zip(readers, texts) {
            switch reader.decode(text) {
            case .success(let value): values.append(value)
            case .failure(let failure): return .failure(DecodeFailure("column '\(reader.field.name)': \(failure.reason)"))
            }
        }
        return .success(values)
    }

    /// `key > $1 AND key <= $2`, without the bounds that are nil (`TRUE` without either).
    private func keyRange(after start: Int64?, through end: Int64?) -> (condition: String, parameters: [String?]) {
        var conditions: [String] = [], parameters: [String?] = []
        if let start {
            parameters.append(String(start))
            conditions.append("\(key) > $\(parameters.count)::bigint")
        }
        if let end {
            parameters.append(String(end))
            conditions.append("\(key) <= $\(parameters.count)::bigint")
        }
        return (conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND "), parameters)
    }

    private var key: String { SQLIdentifier.quote(keyColumn) }
    private var quotedTable: String { SQLIdentifier.quote(table) }

    func problem(_ message: String) -> PostgresError {
        PostgresError(server: connection.server, statement: nil, message: message, sqlState: nil)
    }
}
