import SluiceCore

/// The report's plots, built from a run's analysis. Time plots have seconds since the run started on x
/// and mark each injected kill (red) and restart (green).
public enum RunCharts {
    /// The file names of the plots, in the order the summary shows them.
    public enum File: String, CaseIterable, Sendable {
        case latency = "latency.svg"
        case throughput = "throughput.svg"
        case processing = "processing.svg"
        case capacity = "capacity.svg"
        case capacityLatency = "capacity-latency.svg"
    }

    /// The plots for `analysis`: the three time plots always, the two capacity plots when the context
    /// has sweep points.
    public static func all(_ analysis: RunAnalysis, context: ReportContext) -> [(file: File, chart: Chart)] {
        var charts: [(File, Chart)] = [
            (.latency, latency(analysis)),
            (.throughput, throughput(analysis, batchIntervalMicroseconds: context.batchIntervalMicroseconds)),
            (.processing, processing(analysis, batchIntervalMicroseconds: context.batchIntervalMicroseconds)),
        ]
        if !context.capacity.isEmpty {
            charts.append((.capacity, capacity(context.capacity)))
            charts.append((.capacityLatency, capacityLatency(context.capacity)))
        }
        return charts
    }

    /// p50, p99 and the maximum (dashed, so a p99 just under it shows through) of end-to-end latency in
    /// each second, on a logarithmic axis; the lines break over seconds without samples.
    public static func latency(_ analysis: RunAnalysis) -> Chart {
        let seconds = analysis.latencyPerSecond
        func series(_ name: String, _ value: (LatencySummary) -> Int64, dashed: Bool = false) -> ChartSeries {
            let points = seconds.map { ChartPoint(x: Double($0.second) + 0.5, y: Double(value($0.summary)) / 1_000) }
            return ChartSeries(name: name, points: points, style: dashed ? .line : .lineWithDots, maximumGap: 1.5, dashed: dashed)
        }
        return Chart(
            title: "End-to-end latency per second",
            xAxis: ChartAxis(label: "Time since start", unit: "s", includesZero: true),
            yAxis: ChartAxis(label: "Latency", unit: "ms", scale: .logarithmic),
            series: [series("p50", \.p50), series("p99", \.p99), series("max", \.maximum, dashed: true)],
            markers: markers(analysis)
        )
    }

    /// Records offered and processed per second, averaged over windows of the batch interval rounded up
    /// to whole seconds, so that a batch interval longer than a second does not show as a sawtooth.
    public static func throughput(_ analysis: RunAnalysis, batchIntervalMicroseconds: Int64?) -> Chart {
        let window = max(1, ((batchIntervalMicroseconds ?? 0) + 999_999) / 1_000_000)
        var offered: [ChartPoint] = []
        var processed: [ChartPoint] = []
        let seconds = analysis.ratesPerSecond
        for start in stride(from: 0, to: seconds.count, by: Int(window)) {
            let slice = seconds[start ..< min(start + Int(window), seconds.count)]
            let middle = Double(slice.first!.second) + Double(slice.count) / 2
            offered.append(ChartPoint(x: middle, y: Double(slice.reduce(0) { $0 + $1.offered }) / Double(slice.count)))
            processed.append(ChartPoint(x: middle, y: Double(slice.reduce(0) { $0 + $1.processed }) / Double(slice.count)))
        }
        let averaging = window == 1 ? "per second" : "per second, \(window) s averages"
        return Chart(
            title: "Throughput (\(averaging))",
            xAxis: ChartAxis(label: "Time since start", unit: "s", includesZero: true),
            yAxis: ChartAxis(label: "Records per second", unit: "records/s", includesZero: true),
            series: [ChartSeries(name: "offered", points: offered), ChartSeries(name: "processed", points: processed)],
            markers: markers(analysis)
        )
    }

    /// Each committed batch's processing time and scheduling delay at its trigger time, against a
    /// horizontal line at the batch interval: a job that keeps up stays under it. The processing line
    /// breaks where no batch ran for one and a half intervals (the job was down).
    public static func processing(_ analysis: RunAnalysis, batchIntervalMicroseconds: Int64?) -> Chart {
        func time(_ row: BatchRow) -> Double {
            Double(row.triggerTime ?? (row.committedAt - row.metrics.totalDelayMicroseconds)) / 1_000_000
        }
        let processing = analysis.batches.map { ChartPoint(x: time($0), y: Double($0.metrics.processingMicroseconds) / 1_000) }
        let delay = analysis.batches.map { ChartPoint(x: time($0), y: Double($0.metrics.schedulingDelayMicroseconds) / 1_000) }
        let gap = batchIntervalMicroseconds.map { Double($0) * 1.5 / 1_000_000 }
        let interval = batchIntervalMicroseconds.map {
            [ChartReferenceLine(label: "batch interval \(ReportNumbers.duration($0))", y: Double($0) / 1_000)]
        } ?? []
        return Chart(
            title: "Processing time per batch against the batch interval",
            xAxis: ChartAxis(label: "Trigger time since start", unit: "s", includesZero: true),
            yAxis: ChartAxis(label: "Duration", unit: "ms", includesZero: true),
            series: [
                ChartSeries(name: "processing time", points: processing, style: .lineWithDots, maximumGap: gap),
                ChartSeries(name: "scheduling delay", points: delay, style: .dots),
            ],
            markers: markers(analysis),
            referenceLines: interval
        )
    }

    /// The sustained rate against the offered rate, one line per batch interval, over the dashed ideal
    /// where everything offered is processed.
    public static func capacity(_ points: [CapacityPoint]) -> Chart {
        let largest = points.map { max($0.offeredRate, $0.sustainedRate) }.max() ?? 1
        let ideal = ChartSeries(
            name: "sustained = offered", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: largest, y: largest)],
            color: Chart.referenceColor, dashed: true
        )
        return Chart(
            title: "Capacity: sustained against offered rate",
            xAxis: ChartAxis(label: "Offered rate", unit: "records/s", includesZero: true),
            yAxis: ChartAxis(label: "Sustained rate", unit: "records/s", includesZero: true),
            series: [ideal] + byInterval(points) { ChartPoint(x: $0.offeredRate, y: $0.sustainedRate) }
        )
    }

    /// p99 end-to-end latency against the offered rate, one line per batch interval, on a logarithmic axis.
    public static func capacityLatency(_ points: [CapacityPoint]) -> Chart {
        Chart(
            title: "Capacity: p99 latency against offered rate",
            xAxis: ChartAxis(label: "Offered rate", unit: "records/s", includesZero: true),
            yAxis: ChartAxis(label: "p99 latency", unit: "ms", scale: .logarithmic),
            series: byInterval(points) { ChartPoint(x: $0.offeredRate, y: Double($0.latency.p99) / 1_000) }
        )
    }

    /// Kill markers at each injected fault and restart markers at each restart, in seconds.
    static func markers(_ analysis: RunAnalysis) -> [ChartMarker] {
        let kills = analysis.recoveries.compactMap { recovery -> ChartMarker? in
            guard case .fault = recovery.cause else { return nil }
            return ChartMarker(kind: .kill, x: Double(recovery.diedAt) / 1_000_000)
        }
        return kills + analysis.restartTimes.map { ChartMarker(kind: .restart, x: Double($0) / 1_000_000) }
    }

    /// One series per batch interval, shortest first, points by offered rate.
    private static func byInterval(_ points: [CapacityPoint], _ point: (CapacityPoint) -> ChartPoint) -> [ChartSeries] {
        Dictionary(grouping: points, by: \.batchIntervalMicroseconds).sorted { $0.key < $1.key }.map { interval, group in
            ChartSeries(
                name: "batch interval \(ReportNumbers.duration(interval))",
                points: group.sorted { $0.offeredRate < $1.offeredRate }.map(point),
                style: .lineWithDots
            )
        }
    }
}
