import Foundation

extension RegressionVerdict {
    /// The verdict as markdown: a one-line verdict naming the figures that regressed, then one row a
    /// figure (baseline, candidate, change, tolerance, ✓ or ✗), then the figures not compared.
    ///
    /// ```text
    /// **Regression: throughput (rows/s) worse than its tolerance.**
    ///
    /// | figure | baseline | candidate | change | tolerance | verdict |
    /// | --- | ---: | ---: | ---: | ---: | :---: |
    /// | throughput (rows/s) | 9,995 | 7,996 | -20.0% | -10% | ✗ |
    /// ```
    public func markdown(baseline: String, candidate: String) -> String {
        var lines = [headline, "", "baseline: `\(baseline)`  ", "candidate: `\(candidate)`", ""]
        lines.append("| figure | baseline | candidate | change | tolerance | verdict |")
        lines.append("| --- | ---: | ---: | ---: | ---: | :---: |")
        for comparison in comparisons {
            let figure = comparison.figure
            let verdict = comparison.regressed ? "✗" : comparison.underNoiseFloor ? "✓ (under \(Self.number(noiseFloorMilliseconds, of: figure)) ms)" : "✓"
            let tolerance = PercentText.format(figure.higherIsBetter ? -comparison.tolerance : comparison.tolerance)
            lines.append("| \(figure.title) | \(Self.number(comparison.baseline, of: figure)) | \(Self.number(comparison.candidate, of: figure)) | \(Self.change(comparison.change)) | \(tolerance) | \(verdict) |")
        }
        if !notCompared.isEmpty {
            lines += ["", "Not compared, missing from a run: \(notCompared.map(\.title).joined(separator: ", "))."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict in one line, naming the figures that regressed.
    public var headline: String {
        let regressed = regressions
        if regressed.isEmpty { return "**No regression: all \(comparisons.count) figures within their tolerance.**" }
        let names = regressed.map(\.title).joined(separator: ", ")
        return "**Regression: \(names) worse than \(regressed.count == 1 ? "its" : "their") tolerance.**"
    }

    /// Throughput as whole rows/s with thousands separated, times as milliseconds with three decimals.
    private static func number(_ value: Double, of figure: RegressionFigure) -> String {
        figure.higherIsBetter ? ReportNumbers.count(Int64(value.rounded())) : String(format: "%.3f", value)
    }

    /// A change as a signed percentage with one decimal; "n/a" against a baseline of 0.
    private static func change(_ fraction: Double?) -> String {
        guard let fraction else { return "n/a" }
        return String(format: "%+.1f%%", fraction * 100)
    }
}
