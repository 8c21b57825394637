import SluiceCore

/// An equi-join of probe batches (the stream) against one build batch (the static side).
///
/// The build side's key combinations are numbered once; each probe batch numbers its keys in a copy of
/// that table, so a probe key matches when its number is one the build side had. Null keys never match.
struct HashJoin {
    private let right: RecordBatch
    private let columns: [String]
    private let kind: JoinKind
    private let schema: Schema
    private let table: GroupKeyTable
    /// The build rows of each build-side key number.
    private let rowsOfGroup: [[Int32]]
    private let nullGroups: Set<Int32>

    init(right: RecordBatch, columns: [String], kind: JoinKind, schema: Schema) {
        self.right = right
        self.columns = columns
        self.kind = kind
        self.schema = schema
        var table = GroupKeyTable(keyCount: columns.count)
        let keyColumns = columns.map { right.column(named: $0)! }
        let groups = table.groups(for: keyColumns, rowCount: right.rowCount)
        var rowsOfGroup = [[Int32]](repeating: [], count: table.count)
        var nullGroups = Set<Int32>()
        for (row, group) in groups.enumerated() {
            rowsOfGroup[Int(group)].append(Int32(row))
            if keyColumns.contains(where: { $0.isNull(row) }) { nullGroups.insert(group) }
        }
        self.table = table
        self.rowsOfGroup = rowsOfGroup
        self.nullGroups = nullGroups
    }

    /// The joined rows of one probe batch.
    mutating func probe(_ left: RecordBatch) throws(AnalysisError) -> RecordBatch {
        var numbering = table
        let groups = numbering.groups(for: columns.map { left.column(named: $0)! }, rowCount: left.rowCount)
        var leftRows: [Int32] = []
        var rightRows: [Int32?] = []
        for (row, group) in groups.enumerated() {
            let matches = Int(group) < rowsOfGroup.count && !nullGroups.contains(group) ? rowsOfGroup[Int(group)] : []
            for match in matches {
                leftRows.append(Int32(row))
                rightRows.append(match)
            }
            if matches.isEmpty && kind == .leftOuter {
                leftRows.append(Int32(row))
                rightRows.append(nil)
            }
        }
        let leftSelection = SelectionVector(leftRows)
        let rightSelection = SelectionVector(rightRows.map { $0 ?? 0 })
        let unmatched = rightRows.contains(nil) ? ValidityBitmap(rightRows.map { $0 != nil }) : nil
        var output: [ColumnVector] = columns.map { left.column(named: $0)!.gather(leftSelection) }
        for (field, column) in zip(left.schema.fields, left.columns) where !columns.contains(field.name) {
            output.append(column.gather(leftSelection))
        }
        for (field, column) in zip(right.schema.fields, right.columns) where !columns.contains(field.name) {
            output.append(right.rowCount == 0
                ? ExpressionEvaluator.constant(.null, count: leftRows.count, type: field.type)
                : column.gather(rightSelection).masking(with: unmatched))
        }
        do {
            return try RecordBatch(schema: schema, columns: output)
        } catch {
            throw AnalysisError("join: \(error)")
        }
    }

    /// One batch holding the rows of `batches` (the static side, small enough to hold).
    static func concatenate(_ batches: [RecordBatch]) throws(AnalysisError) -> RecordBatch {
        guard batches.count > 1 else { return batches[0] }
        do {
            return try RecordBatch(schema: batches[0].schema, rows: batches.flatMap(\.rows))
        } catch {
            throw AnalysisError("join: \(error)")
        }
    }
}

extension ColumnVector {
    /// The column with rows nulled where `mask` says invalid (nil: unchanged).
    func masking(with mask: ValidityBitmap?) -> ColumnVector {
        guard let mask else { return self }
        let validity = ValidityBitmap((0 ..< count).map { mask.isValid($0) && !isNull($0) })
        switch self {
        case .int64(let column): return .int64(PrimitiveColumn(column.values, validity: validity))
        case .timestamp(let column): return .timestamp(PrimitiveColumn(column.values, validity: validity))
        case .double(let column): return .double(PrimitiveColumn(column.values, validity: validity))
        case .bool(let column): return .bool(PrimitiveColumn(column.values, validity: validity))
        case .string(let column): return .string(StringColumn(codes: column.codes, dictionary: column.dictionary, validity: validity))
        }
    }
}
