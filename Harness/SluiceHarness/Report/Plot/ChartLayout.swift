import Foundation

/// Where a chart's parts go: the axes' ranges and ticks, the legend's rows and the plot area, and the
/// mapping from data values to pixels.
struct ChartLayout {
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    /// The tick labels, in the ticks' order.
    let xLabels: [String]
    let yLabels: [String]
    let legend: [LegendItem]
    /// Top-left corner of each legend item, in `legend`'s order.
    let legendPositions: [(x: Double, y: Double)]
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    /// Whether any series has a point to draw.
    let hasData: Bool
    private let xScale: ChartAxis.Scale
    private let yScale: ChartAxis.Scale

    /// An entry of the legend.
    enum LegendItem {
        case series(name: String, color: String, style: ChartSeries.Style, dashed: Bool)
        case referenceLine(label: String)
        case marker(ChartMarker.Kind)

        var label: String {
            switch self {
            case .series(let name, _, _, _): name
            case .referenceLine(let label): label
            case .marker(let kind): kind.rawValue
            }
        }
    }

    static let titleBaseline = 26.0
    static let legendTop = 42.0
    static let legendRowHeight = 18.0
    static let tickFontSize = 11.0
    static let legendFontSize = 12.0

    init(chart: Chart) {
        let validX: (Double) -> Bool = { $0.isFinite && (chart.xAxis.scale == .linear || $0 > 0) }
        let validY: (Double) -> Bool = { $0.isFinite && (chart.yAxis.scale == .linear || $0 > 0) }
        let points = chart.series.flatMap(\.points).filter { validX($0.x) && validY($0.y) }
        let xs = points.map(\.x) + chart.markers.map(\.x).filter(validX)
        let ys = points.map(\.y) + chart.referenceLines.map(\.y).filter(validY)
        hasData = !points.isEmpty
        xTicks = AxisTicks(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1, scale: chart.xAxis.scale, includesZero: chart.xAxis.includesZero)
        yTicks = Self.ticksWithHeadroom(ys, axis: chart.yAxis)
        xScale = chart.xAxis.scale
        yScale = chart.yAxis.scale
        xLabels = TickLabels.labels(for: xTicks.values, sameDecimals: xScale == .linear)
        yLabels = TickLabels.labels(for: yTicks.values, sameDecimals: yScale == .linear)

        var items: [LegendItem] = chart.series.enumerated().map { index, series in
            .series(name: series.name, color: series.color ?? Chart.color(forSeriesAt: index, in: chart.series), style: series.style, dashed: series.dashed)
        }
        items += chart.referenceLines.map { .referenceLine(label: $0.label) }
        items += ChartMarker.Kind.allCases.filter { kind in chart.markers.contains { $0.kind == kind } }.map(LegendItem.marker)
        legend = items

        let yLabelWidth = yLabels.map { Self.textWidth($0, fontSize: Self.tickFontSize) }.max() ?? 0
        plotLeft = max(60, yLabelWidth + 40)
        plotRight = chart.width - 24
        var positions: [(x: Double, y: Double)] = []
        var x = plotLeft
        var y = Self.legendTop
        for item in items {
            let itemWidth = 30 + Self.textWidth(item.label, fontSize: Self.legendFontSize) + 16
            if x > plotLeft, x + itemWidth > plotRight {
                x = plotLeft
                y += Self.legendRowHeight
            }
            positions.append((x, y))
            x += itemWidth
        }
        legendPositions = positions
        plotTop = (items.isEmpty ? Self.legendTop : y + Self.legendRowHeight) + 10
        plotBottom = chart.height - 52
    }

    /// Ticks for `values` on a y axis, with room above the highest value so that no point or line
    /// touches the frame and a reference line's label fits above it.
    private static func ticksWithHeadroom(_ values: [Double], axis: ChartAxis) -> AxisTicks {
        guard let low = values.min(), let high = values.max() else {
            return AxisTicks(minimum: 0, maximum: 1, scale: axis.scale, includesZero: axis.includesZero)
        }
        let raised = switch axis.scale {
        case .linear: high + max(high - min(low, axis.includesZero ? 0 : low), abs(high)) * 0.06
        case .logarithmic: high * 1.15
        }
        return AxisTicks(minimum: low, maximum: raised, scale: axis.scale, includesZero: axis.includesZero)
    }

    /// The pixel column of `value` on the x axis.
    func x(_ value: Double) -> Double {
        plotLeft + Self.fraction(value, xTicks, xScale) * (plotRight - plotLeft)
    }

    /// The pixel row of `value` on the y axis.
    func y(_ value: Double) -> Double {
        plotBottom - Self.fraction(value, yTicks, yScale) * (plotBottom - plotTop)
    }

    /// Whether `point` can be placed on these axes (finite, and positive on a logarithmic axis).
    func canPlace(_ point: ChartPoint) -> Bool {
        point.x.isFinite && point.y.isFinite && (xScale == .linear || point.x > 0) && (yScale == .linear || point.y > 0)
    }

    /// An estimate of the width of `text` in a sans-serif font, enough to keep labels apart.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.55
    }

    private static func fraction(_ value: Double, _ ticks: AxisTicks, _ scale: ChartAxis.Scale) -> Double {
        switch scale {
        case .linear: (value - ticks.lower) / (ticks.upper - ticks.lower)
        case .logarithmic: (log10(value) - log10(ticks.lower)) / (log10(ticks.upper) - log10(ticks.lower))
        }
    }
}

extension Chart {
    /// Colours of series without their own, in order: blue, orange, purple, sky, grey, brown (kept apart
    /// from the markers' red and green).
    public static let palette = ["#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#555555", "#8C564B"]
    /// The colour of kill markers.
    public static let killColor = "#D62728"
    /// The colour of restart markers.
    public static let restartColor = "#2CA02C"
    /// The colour of reference lines.
    public static let referenceColor = "#333333"

    /// The colour of the series at `index`: its own, or the palette's next.
    static func color(forSeriesAt index: Int, in series: [ChartSeries]) -> String {
        if let color = series[index].color { return color }
        let uncoloured = series[..<index].filter { $0.color == nil }.count
        return palette[uncoloured % palette.count]
    }
}
