import Foundation
import Testing
@testable import SluiceHarness

@Suite struct ChartSVGTests {
    private let analysis = RunAnalysis(entries: SyntheticRun().entries())

    @Test func theLatencyPlotHasThreeSeriesAndMarksEachKillAndRestart() throws {
        let svg = try SVGInspector(RunCharts.latency(analysis).svg())
        #expect(svg.root == "svg")
        #expect(svg.elements(ofClass: "series").map { $0["data-name"] } == ["p50", "p99", "max"])
        #expect(svg.elements(ofClass: "kill").count == 2)
        #expect(svg.elements(ofClass: "restart").count == 2)
        #expect(svg.texts.contains("End-to-end latency per second"))
        #expect(svg.texts.contains("Latency (ms)") && svg.texts.contains("Time since start (s)"))
        #expect(["p50", "p99", "max", "kill", "restart"].allSatisfy(svg.texts.contains), "legend: \(svg.texts)")
    }

    @Test func theLatencyLineBreaksWhileTheJobIsDown() throws {
        let svg = try SVGInspector(RunCharts.latency(analysis).svg())
        let polylines = svg.elements.filter { $0.name == "polyline" }
        #expect(polylines.count == 9, "three series, each broken twice by a kill")
    }

    @Test func theThroughputPlotShowsOfferedAndProcessed() throws {
        let svg = try SVGInspector(RunCharts.throughput(analysis, batchIntervalMicroseconds: 1_000_000).svg())
        #expect(svg.elements(ofClass: "series").map { $0["data-name"] } == ["offered", "processed"])
        #expect(svg.elements(ofClass: "kill").count == 2 && svg.elements(ofClass: "restart").count == 2)
        #expect(svg.texts.contains("Records per second (records/s)"))
        #expect(svg.texts.contains("20,000"), "y ticks: \(svg.texts)")
    }

    @Test func theProcessingPlotDrawsTheBatchInterval() throws {
        let svg = try SVGInspector(RunCharts.processing(analysis, batchIntervalMicroseconds: 1_000_000).svg())
        #expect(svg.elements(ofClass: "series").map { $0["data-name"] } == ["processing time", "scheduling delay"])
        #expect(svg.elements(ofClass: "reference").map { $0["data-name"] } == ["batch interval 1 s"])
        #expect(svg.texts.filter { $0 == "batch interval 1 s" }.count == 2, "on the line and in the legend")
        let dots = svg.elements.filter { $0.name == "circle" }.count
        #expect(dots == 2 * analysis.batches.count + 2, "a dot per batch and series, two in the legend")
    }

    @Test func theCapacityPlotsHaveOneLinePerInterval() throws {
        let points = SyntheticRun.capacityPoints
        let rates = try SVGInspector(RunCharts.capacity(points).svg())
        #expect(rates.elements(ofClass: "series").map { $0["data-name"] } == [
            "sustained = offered", "batch interval 100 ms", "batch interval 1 s", "batch interval 5 s",
        ])
        #expect(rates.elements(ofClass: "marker").isEmpty)
        let latency = try SVGInspector(RunCharts.capacityLatency(points).svg())
        #expect(latency.elements(ofClass: "series").count == 3)
        #expect(latency.texts.contains("p99 latency (ms)"))
    }

    @Test func escapesTextAndDrawsAnEmptyChart() throws {
        let chart = Chart(
            title: "a < b & \"c\"", xAxis: ChartAxis(label: "x's", unit: "s"), yAxis: ChartAxis(label: "y", unit: "ms", scale: .logarithmic),
            series: [ChartSeries(name: "<none>", points: [ChartPoint(x: 1, y: 0)])]
        )
        let svg = try SVGInspector(chart.svg())
        #expect(svg.texts.contains("a < b & \"c\"") && svg.texts.contains("x's (s)") && svg.texts.contains("<none>"))
        #expect(svg.texts.contains("no data"))
    }

    @Test func aSinglePointIsStillVisible() throws {
        let chart = Chart(
            title: "one", xAxis: ChartAxis(label: "x", unit: ""), yAxis: ChartAxis(label: "y", unit: ""),
            series: [ChartSeries(name: "only", points: [ChartPoint(x: 3, y: 4)])]
        )
        let svg = try SVGInspector(chart.svg())
        #expect(svg.elements.filter { $0.name == "circle" }.count == 1)
        #expect(!svg.texts.contains("no data"))
    }

    @Test func coordinatesHaveAtMostOneDecimal() {
        #expect(SVGBuilder.number(12.345) == "12.3")
        #expect(SVGBuilder.number(-0.04) == "0")
        #expect(SVGBuilder.number(-0.25) == "-0.3")
        #expect(SVGBuilder.number(-3.5) == "-3.5")
        #expect(SVGBuilder.number(7) == "7")
    }
}
