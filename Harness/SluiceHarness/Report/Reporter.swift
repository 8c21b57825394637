import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a run's report into `<root>/<scenario>/<run>/` and points `<root>/<scenario>/latest` at it.
///
/// The folder gets `batches.csv`, `latency.csv`, `latency-per-second.csv`, `throughput.csv`,
/// `summary.md` and the plots (`latency.svg`, `throughput.svg`, `processing.svg`, and for a sweep
/// `capacity.svg` and `capacity-latency.svg`). The folder may exist already (the run's
/// `history.jsonl` lives there); report files in it are replaced.
public struct Reporter: Sendable {
    /// The reports folder, e.g. `Reports`.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder of the report of `run` of `scenario`.
    public func folder(scenario: String, run: String) -> String {
        "\(root)/\(scenario)/\(run)"
    }

    /// Reads the history at `historyPath` and writes its report; a torn last line is noted in the summary.
    @discardableResult
    public func writeReport(historyAt historyPath: String, context: ReportContext) throws -> String {
        let (analysis, torn) = try RunAnalysis.read(historyAt: historyPath)
        return try write(analysis, context: context, notes: torn.map { [$0.description] } ?? [])
    }

    /// Writes the report of `analysis`; returns its folder.
    @discardableResult
    public func write(_ analysis: RunAnalysis, context: ReportContext, notes: [String] = []) throws -> String {
        try Self.checkName(context.scenario, "scenario")
        try Self.checkName(context.run, "run")
        let folder = folder(scenario: context.scenario, run: context.run)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(path: folder, problem: "cannot create the report folder: \(error.localizedDescription)")
        }
        let charts = RunCharts.all(analysis, context: context)
        var files: [(String, String)] = [
            ("batches.csv", BatchesCSV.render(analysis.batches)),
            ("latency.csv", LatencyCSV.render(analysis.latency.summary)),
            ("latency-per-second.csv", LatencyCSV.renderPerSecond(analysis.latencyPerSecond)),
            ("throughput.csv", ThroughputCSV.render(analysis.ratesPerSecond)),
            ("summary.md", SummaryMarkdown.render(analysis, context: context, plots: charts.map(\.file), notes: notes)),
        ]
        files += charts.map { ($0.file.rawValue, $0.chart.svg()) }
        for (name, text) in files {
            let path = "\(folder)/\(name)"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw ReportError(path: path, problem: "cannot write: \(error.localizedDescription)")
            }
        }
        try Self.pointLatest(at: context.run, in: "\(root)/\(context.scenario)")
        return folder
    }

    /// Makes `<directory>/latest` a relative symbolic link to `run`, replacing the old link in one step.
    static func pointLatest(at run: String, in directory: String) throws(ReportError) {
        let latest = "\(directory)/latest"
        let temporary = "\(directory)/.latest-\(getpid())"
        unlink(temporary)
        guard symlink(run, temporary) == 0 else {
            throw ReportError(path: temporary, problem: "cannot create a link to \(run): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, latest) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw ReportError(path: latest, problem: "cannot replace with a link to \(run): \(problem)")
        }
    }

    /// A scenario or run name must be one plain path component.
    private static func checkName(_ name: String, _ what: String) throws(ReportError) {
        guard !name.isEmpty, name != ".", name != "..", name != "latest", !name.contains("/"), !name.hasPrefix(".") else {
            throw ReportError(path: name, problem: "a \(what) name must be one folder name, not empty, '.', '..' or 'latest', without '/', not starting with '.'")
        }
    }
}
