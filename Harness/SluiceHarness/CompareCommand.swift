import ArgumentParser

/// `sluice-harness compare`: the regression verdict of a candidate run against a baseline run.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a candidate run with a baseline run, figure by figure; exit 3 on a regression.",
        discussion: """
            BASELINE and CANDIDATE are run folders (e.g. Reports/baseline and Reports/smoke/latest) or one \
            report file of each (batches.csv or latency.csv, told apart by the header; a file gives only its \
            own figures). From batches.csv: throughput (the rows of the batches after the first over the span \
            of their trigger times; from throughput.csv when trigger times are missing), the mean, p50 and \
            p99 processing time, and the p99 scheduling delay. From latency.csv: end-to-end latency p50, \
            p90, p99, p99.9 and max. Each figure of the candidate is judged as a ratio to the baseline's: \
            throughput may drop by its tolerance, the times may rise by theirs. A tolerance per percentile \
            applies to every figure at that percentile (--p99-rise to latency, processing time and \
            scheduling delay p99; --p50-rise also to the mean processing time). Tolerances come from the \
            flags, else from the --scenario file's [tolerances] (the report folder does not record them), \
            else the defaults: throughput -10%, p50 +20%, p90 +20%, p99 +20%, p99.9 +30%, max +50%. A time \
            at or under --noise-floor-ms in the candidate passes whatever its ratio. Prints a markdown \
            table: figure, baseline, candidate, change, tolerance, verdict (✓ or ✗). Exit codes: 0 no \
            figure worse than its tolerance, 1 harness error (a wrong option, a missing or malformed file, \
            named with its line and column), 3 performance regression.
            """
    )

    @Argument(help: ArgumentHelp("The baseline run: a run folder, or its batches.csv or latency.csv, e.g. Reports/baseline.", valueName: "BASELINE"))
    var baseline: String

    @Argument(help: ArgumentHelp("The candidate run, in the same forms, e.g. Reports/smoke/latest.", valueName: "CANDIDATE"))
    var candidate: String

    @Option(help: ArgumentHelp("The candidate's scenario file, whose [tolerances] apply where no flag is given, e.g. Scenarios/smoke.toml.", valueName: "PATH"))
    var scenario: String?

    @OptionGroup(title: "Tolerances (a flag overrides the scenario's value and the default)")
    var tolerances: ToleranceOptions

    @Option(
        name: .customLong("noise-floor-ms"), parsing: .unconditional,
        help: ArgumentHelp("Times of the candidate at or under this many milliseconds pass whatever their ratio, 0 or more.", valueName: "MS")
    )
    var noiseFloorMilliseconds: Double = RegressionVerdict.defaultNoiseFloorMilliseconds

    func validate() throws {
        do {
            _ = try tolerances.applied(to: Scenario.Tolerances())
        } catch {
            throw ValidationError(error.description)
        }
        guard noiseFloorMilliseconds.isFinite, noiseFloorMilliseconds >= 0 else {
            throw ValidationError("--noise-floor-ms: expected a number of milliseconds of 0 or more, such as 1 or 0.5, got \(noiseFloorMilliseconds)")
        }
    }

    func run() throws {
        let (verdict, text) = try compare()
        print(text, terminator: "")
        if verdict.exitCode != .pass { throw verdict.exitCode.exitCode }
    }

    /// Reads both runs and judges the candidate; returns the verdict and the text to print.
    func compare() throws -> (verdict: RegressionVerdict, text: String) {
        let base = try scenario.map { path throws(ScenarioError) in try ScenarioLoader.load(path: path).tolerances } ?? Scenario.Tolerances()
        let applied = try tolerances.applied(to: base)
        let verdict = RegressionVerdict(
            baseline: try RunFigures.read(path: baseline), candidate: try RunFigures.read(path: candidate),
            tolerances: applied, noiseFloorMilliseconds: noiseFloorMilliseconds
        )
        guard !verdict.comparisons.isEmpty else {
            throw CompareError(place: candidate, problem: "no figure to compare with \(baseline): give both runs' batches.csv or both runs' latency.csv")
        }
        return (verdict, verdict.markdown(baseline: baseline, candidate: candidate) + "\ntolerances: \(toleranceSource)\n")
    }

    /// Where the tolerances came from, for the line under the table.
    private var toleranceSource: String {
        var parts = [scenario.map { "[tolerances] of \($0)" } ?? "the defaults"]
        let flags = tolerances.given
        if !flags.isEmpty { parts.insert(flags.joined(separator: ", "), at: 0) }
        return parts.joined(separator: ", else ")
    }
}
