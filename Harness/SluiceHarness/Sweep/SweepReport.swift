import Foundation
import SluiceCore

/// Writes a sweep's report into its folder, `<reports>/<scenario>/sweep-<time>/`: `capacity.csv`,
/// `summary.md` with the capacity table and every trial, and the capacity plots (`capacity.svg`,
/// `capacity-latency.svg`) over every trial run. Each trial's own report sits below it.
public enum SweepReport {
    /// Writes the report of `rows` into `folder`.
    public static func write(_ rows: [CapacitySweep.Row], scenario: Scenario, folder: String) throws(ReportError) {
        let points = rows.flatMap(\.trials).map(\.capacityPoint)
        var files: [(String, String)] = [
            ("capacity.csv", CapacityTable.csv(rows)),
            ("summary.md", summary(rows, scenario: scenario, folder: folder)),
        ]
        if !points.isEmpty {
            files.append((RunCharts.File.capacity.rawValue, RunCharts.capacity(points).svg()))
            files.append((RunCharts.File.capacityLatency.rawValue, RunCharts.capacityLatency(points).svg()))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(path: folder, problem: "cannot create the sweep folder: \(error.localizedDescription)")
        }
        for (name, text) in files {
            let path = "\(folder)/\(name)"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw ReportError(path: path, problem: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// `summary.md`: the capacity table, the plots, and one line per trial with a link to its report.
    static func summary(_ rows: [CapacitySweep.Row], scenario: Scenario, folder: String) -> String {
        var lines = [
            "# Capacity sweep: \(scenario.name)", "",
            "For each batch interval, the highest constant offered rate the job sustains: no batch's processing "
                + "time over the interval, and the median scheduling delay of the last third of the batches at most "
                + "1.5 × the first third's plus a tenth of the interval. Rates are tried in increasing order; the "
                + "first failure ends an interval.", "",
            "## Capacity", "",
        ]
        lines += CapacityTable.markdown(rows)
        if !rows.flatMap(\.trials).isEmpty {
            lines += ["", "## Plots", "", "![Capacity: sustained against offered rate](capacity.svg)", "",
                      "![Capacity: p99 latency against offered rate](capacity-latency.svg)"]
        }
        lines += ["", "## Trials", ""]
        lines += SummaryMarkdown.table(["batch interval", "offered", "processed", "p99", "outcome", "report"], rows.flatMap(\.trials).map { trial in
            [
                ReportNumbers.duration(trial.batchInterval.microseconds), "\(trial.offeredRate)", ReportNumbers.rate(trial.processedRate),
                ReportNumbers.duration(trial.latency.p99), trial.outcome,
                trial.folder.map { "[summary](\(relative($0, to: folder))/summary.md)" } ?? "",
            ]
        })
        return lines.joined(separator: "\n") + "\n"
    }

    /// `path` relative to `folder` when it lies below it.
    private static func relative(_ path: String, to folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
