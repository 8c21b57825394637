/// `compare`'s decision: each figure both runs have, the candidate against the baseline as a ratio,
/// judged against its tolerance. Pure: build one from two ``RunFigures``, print it with ``markdown()``.
///
/// A time figure regresses when `candidate > baseline × (1 + tolerance)`, throughput when
/// `candidate < baseline × (1 − tolerance)`. A time figure whose candidate is at most the noise floor
/// passes whatever its ratio, so a scheduling delay of 0.2 ms against 0.1 ms is no regression.
public struct RegressionVerdict: Sendable, Equatable {
    /// One figure of both runs.
    public struct Comparison: Sendable, Equatable {
        public var figure: RegressionFigure
        public var baseline: Double
        public var candidate: Double
        /// The change the wrong way the figure may make, as a fraction of the baseline.
        public var tolerance: Double
        /// True when the candidate is worse than the tolerance allows.
        public var regressed: Bool
        /// True when a time figure passed only because the candidate is under the noise floor.
        public var underNoiseFloor: Bool

        /// `candidate / baseline − 1`; nil when the baseline is 0.
        public var change: Double? { baseline == 0 ? nil : candidate / baseline - 1 }
    }

    public var comparisons: [Comparison]
    /// Figures one of the runs lacks, e.g. when one was given as its `latency.csv` alone.
    public var notCompared: [RegressionFigure]
    public var tolerances: Scenario.Tolerances
    public var noiseFloorMilliseconds: Double

    /// Compares `candidate` with `baseline` figure by figure.
    public init(baseline: RunFigures, candidate: RunFigures, tolerances: Scenario.Tolerances = Scenario.Tolerances(), noiseFloorMilliseconds: Double = Self.defaultNoiseFloorMilliseconds) {
        self.tolerances = tolerances
        self.noiseFloorMilliseconds = noiseFloorMilliseconds
        comparisons = []
        notCompared = []
        for figure in RegressionFigure.allCases {
            guard let base = baseline.value(of: figure), let value = candidate.value(of: figure) else {
                notCompared.append(figure)
                continue
            }
            let tolerance = figure.tolerance(in: tolerances)
            let beyond = Self.isBeyond(figure, baseline: base, candidate: value, tolerance: tolerance)
            let underFloor = !figure.higherIsBetter && value <= noiseFloorMilliseconds
            comparisons.append(Comparison(
                figure: figure, baseline: base, candidate: value, tolerance: tolerance,
                regressed: beyond && !underFloor, underNoiseFloor: beyond && underFloor
            ))
        }
    }

    /// Times at or under this many milliseconds are noise, not a regression: 1 ms.
    public static let defaultNoiseFloorMilliseconds = 1.0

    /// The figures worse than their tolerance, in table order.
    public var regressions: [RegressionFigure] { comparisons.filter(\.regressed).map(\.figure) }

    /// ``HarnessExitCode/performanceRegression`` if any figure regressed, else ``HarnessExitCode/pass``.
    public var exitCode: HarnessExitCode { regressions.isEmpty ? .pass : .performanceRegression }

    /// Whether `candidate` is further from `baseline` the wrong way than `tolerance` allows; a rounding
    /// error's worth over the limit is not.
    static func isBeyond(_ figure: RegressionFigure, baseline: Double, candidate: Double, tolerance: Double) -> Bool {
        let slack = 1e-9 * max(abs(baseline), 1)
        if figure.higherIsBetter { return candidate < baseline * (1 - tolerance) - slack }
        return candidate > baseline * (1 + tolerance) + slack
    }
}
