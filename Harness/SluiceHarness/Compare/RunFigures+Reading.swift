import Foundation

extension RunFigures {
    /// The report files `compare` reads in a run folder.
    public static let batchesFile = "batches.csv"
    public static let latencyFile = "latency.csv"
    public static let throughputFile = "throughput.csv"

    /// Reads a run folder, or one report file: a file gives only its own figures, and is told apart by
    /// its header (`batches.csv`, `latency.csv` or `throughput.csv` as ``BatchesCSV``, ``LatencyCSV`` and
    /// ``ThroughputCSV`` write them), so a renamed copy reads as well.
    public static func read(path: String) throws(CompareError) -> RunFigures {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CompareError(place: path, problem: "no such folder or file; expected a run folder or its batches.csv or latency.csv")
        }
        if isDirectory.boolValue { return try read(folder: path) }
        var figures = RunFigures(source: path)
        let table = try CSVTable.read(path: path)
        if table.header.contains("processing_ms") {
            figures.batches = try batchFigures(table)
        } else if table.header.contains("p50_ms") {
            figures.latency = try latencyFigures(table)
        } else if table.header.contains("processed_records") {
            figures.processedPerSecond = try processedPerSecond(table)
        } else {
            throw CompareError(place: path, line: 1, problem: "not a report file: expected the header of batches.csv (\(BatchesCSV.columns.joined(separator: ","))) or latency.csv (\(LatencyCSV.figureColumns.joined(separator: ",")))")
        }
        return figures
    }

    /// Reads the report files of the run folder at `folder`: `batches.csv` and `latency.csv`, either may
    /// be absent but not both, and `throughput.csv` when present.
    public static func read(folder: String) throws(CompareError) -> RunFigures {
        var figures = RunFigures(source: folder)
        let batches = "\(folder)/\(batchesFile)", latency = "\(folder)/\(latencyFile)", throughput = "\(folder)/\(throughputFile)"
        if exists(batches) { figures.batches = try batchFigures(try CSVTable.read(path: batches)) }
        if exists(latency) { figures.latency = try latencyFigures(try CSVTable.read(path: latency)) }
        if exists(throughput) { figures.processedPerSecond = try processedPerSecond(try CSVTable.read(path: throughput)) }
        guard exists(batches) || exists(latency) else {
            throw CompareError(place: folder, problem: "holds neither \(batchesFile) nor \(latencyFile); expected a run folder such as Reports/smoke/latest")
        }
        return figures
    }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func batchFigures(_ table: CSVTable) throws(CompareError) -> BatchFigures? {
        let milliseconds = "a number of milliseconds, such as 120.500"
        var batches: [BatchFigures.Batch] = []
        for row in table.rows {
            batches.append(BatchFigures.Batch(
                triggerTime: try table.number(row, "trigger_time_ms", expected: milliseconds, optional: true),
                rows: try table.number(row, "rows", expected: "a whole number of rows, such as 5000", optional: true),
                processing: try table.number(row, "processing_ms", expected: milliseconds)!,
                schedulingDelay: try table.number(row, "scheduling_delay_ms", expected: milliseconds)!
            ))
        }
        return BatchFigures(batches)
    }

    static func latencyFigures(_ table: CSVTable) throws(CompareError) -> LatencyFigures {
        guard table.rows.count == 1, let row = table.rows.first else {
            throw CompareError(place: table.file, problem: "expected one row of figures under the header, got \(table.rows.count)")
        }
        let milliseconds = "a number of milliseconds, such as 512.255"
        return LatencyFigures(
            samples: try table.wholeNumber(row, "samples", expected: "a whole number of samples, such as 20000"),
            p50: try table.number(row, "p50_ms", expected: milliseconds)!,
            p90: try table.number(row, "p90_ms", expected: milliseconds)!,
            p99: try table.number(row, "p99_ms", expected: milliseconds)!,
            p999: try table.number(row, "p99.9_ms", expected: milliseconds)!,
            maximum: try table.number(row, "max_ms", expected: milliseconds)!
        )
    }

    static func processedPerSecond(_ table: CSVTable) throws(CompareError) -> Double? {
        var processed: [(second: Double, records: Double)] = []
        for row in table.rows {
            let second = try table.number(row, "second", expected: "a whole second since the run started", signed: true)!
            processed.append((second, try table.number(row, "processed_records", expected: "a whole number of records")!))
        }
        let busy = processed.filter { $0.records > 0 }
        guard let first = busy.map(\.second).min(), let last = busy.map(\.second).max() else { return nil }
        return busy.reduce(0) { $0 + $1.records } / (last - first + 1)
    }
}
