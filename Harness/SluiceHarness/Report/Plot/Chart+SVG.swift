extension Chart {
    /// The chart as a standalone SVG document.
    ///
    /// Parts carry classes, so tests and style sheets can find them: each series is a
    /// `<g class="series" data-name="…">`, each marker a `<line class="marker kill">` or
    /// `<line class="marker restart">`, each reference line a `<g class="reference">`.
    public func svg() -> String {
        let layout = ChartLayout(chart: self)
        var svg = SVGBuilder()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": .init(width), "height": .init(height),
            "viewBox": .init("0 0 \(SVGBuilder.number(width)) \(SVGBuilder.number(height))"),
            "font-family": "Helvetica, Arial, sans-serif", "role": "img", "aria-label": .init(title),
        ])
        svg.text("title", [:], content: title)
        svg.element("rect", ["x": 0, "y": 0, "width": .init(width), "height": .init(height), "fill": "white"])
        svg.text("text", [
            "x": .init(width / 2), "y": .init(ChartLayout.titleBaseline), "text-anchor": "middle", "font-size": 16, "font-weight": "bold",
        ], content: title)
        drawGrid(layout, into: &svg)
        for marker in markers { draw(marker, layout, into: &svg) }
        for (index, line) in series.enumerated() { draw(line, color: Chart.color(forSeriesAt: index, in: series), layout, into: &svg) }
        for reference in referenceLines { draw(reference, layout, into: &svg) }
        svg.element("rect", [
            "x": .init(layout.plotLeft), "y": .init(layout.plotTop), "width": .init(layout.plotRight - layout.plotLeft),
            "height": .init(layout.plotBottom - layout.plotTop), "fill": "none", "stroke": "#333333",
        ])
        if !layout.hasData {
            svg.text("text", [
                "x": .init((layout.plotLeft + layout.plotRight) / 2), "y": .init((layout.plotTop + layout.plotBottom) / 2),
                "text-anchor": "middle", "font-size": 14, "fill": "#777777",
            ], content: "no data")
        }
        drawAxisTitles(layout, into: &svg)
        drawLegend(layout, into: &svg)
        svg.close("svg")
        return svg.markup
    }

    private func drawGrid(_ layout: ChartLayout, into svg: inout SVGBuilder) {
        let fontSize = SVGValue(ChartLayout.tickFontSize)
        svg.open("g", ["class": "x-ticks", "font-size": fontSize, "text-anchor": "middle", "fill": "#333333"])
        for (value, label) in zip(layout.xTicks.values, layout.xLabels) {
            let x = SVGValue(layout.x(value))
            svg.element("line", ["x1": x, "x2": x, "y1": .init(layout.plotTop), "y2": .init(layout.plotBottom), "stroke": "#E3E3E3"])
            svg.element("line", ["x1": x, "x2": x, "y1": .init(layout.plotBottom), "y2": .init(layout.plotBottom + 5), "stroke": "#333333"])
            svg.text("text", ["x": x, "y": .init(layout.plotBottom + 18)], content: label)
        }
        svg.close("g")
        svg.open("g", ["class": "y-ticks", "font-size": fontSize, "text-anchor": "end", "fill": "#333333"])
        for (value, label) in zip(layout.yTicks.values, layout.yLabels) {
            let y = SVGValue(layout.y(value))
            svg.element("line", ["x1": .init(layout.plotLeft), "x2": .init(layout.plotRight), "y1": y, "y2": y, "stroke": "#E3E3E3"])
            svg.element("line", ["x1": .init(layout.plotLeft - 5), "x2": .init(layout.plotLeft), "y1": y, "y2": y, "stroke": "#333333"])
            svg.text("text", ["x": .init(layout.plotLeft - 8), "y": .init(layout.y(value) + 4)], content: label)
        }
        svg.close("g")
    }

    private func draw(_ line: ChartSeries, color: String, _ layout: ChartLayout, into svg: inout SVGBuilder) {
        svg.open("g", ["class": "series", "data-name": .init(line.name)])
        var runs: [[ChartPoint]] = []
        var previous: ChartPoint?
        for point in line.points {
            guard layout.canPlace(point) else {
                previous = nil
                continue
            }
            if let previous, line.maximumGap.map({ point.x - previous.x <= $0 }) ?? true {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
            previous = point
        }
        let drawsLine = line.style != .dots
        let drawsDots = line.style != .line
        for run in runs {
            if drawsLine && run.count > 1 {
                let coordinates = run.map { "\(SVGBuilder.number(layout.x($0.x))),\(SVGBuilder.number(layout.y($0.y)))" }.joined(separator: " ")
                svg.element("polyline", [
                    "points": .init(coordinates), "fill": "none", "stroke": .init(color), "stroke-width": 1.8,
                    "stroke-linejoin": "round", "stroke-dasharray": line.dashed ? "7 4" : "none",
                ])
            }
            if drawsDots || run.count == 1 {
                for point in run {
                    svg.element("circle", ["cx": .init(layout.x(point.x)), "cy": .init(layout.y(point.y)), "r": 2.6, "fill": .init(color)])
                }
            }
        }
        svg.close("g")
    }

    private func draw(_ marker: ChartMarker, _ layout: ChartLayout, into svg: inout SVGBuilder) {
        let x = SVGValue(layout.x(marker.x))
        svg.element("line", [
            "class": .init("marker \(marker.kind.rawValue)"), "x1": x, "x2": x, "y1": .init(layout.plotTop), "y2": .init(layout.plotBottom),
            "stroke": .init(Self.markerColor(marker.kind)), "stroke-width": 1.6, "stroke-dasharray": Self.markerDash(marker.kind),
        ])
    }

    private func draw(_ reference: ChartReferenceLine, _ layout: ChartLayout, into svg: inout SVGBuilder) {
        guard layout.canPlace(ChartPoint(x: layout.xTicks.upper, y: reference.y)) else { return }
        let y = layout.y(reference.y)
        svg.open("g", ["class": "reference", "data-name": .init(reference.label)])
        svg.element("line", [
            "x1": .init(layout.plotLeft), "x2": .init(layout.plotRight), "y1": .init(y), "y2": .init(y),
            "stroke": .init(Self.referenceColor), "stroke-width": 1.4, "stroke-dasharray": "8 4",
        ])
        svg.text("text", [
            "x": .init(layout.plotRight - 6), "y": .init(y - 5), "text-anchor": "end", "font-size": 11, "fill": .init(Self.referenceColor),
            "stroke": "white", "stroke-width": 3, "paint-order": "stroke",
        ], content: reference.label)
        svg.close("g")
    }

    private func drawAxisTitles(_ layout: ChartLayout, into svg: inout SVGBuilder) {
        svg.text("text", [
            "x": .init((layout.plotLeft + layout.plotRight) / 2), "y": .init(height - 14), "text-anchor": "middle", "font-size": 13,
        ], content: xAxis.title)
        let middle = (layout.plotTop + layout.plotBottom) / 2
        svg.text("text", [
            "x": 18, "y": .init(middle), "text-anchor": "middle", "font-size": 13,
            "transform": .init("rotate(-90 18 \(SVGBuilder.number(middle)))"),
        ], content: yAxis.title)
    }

    private func drawLegend(_ layout: ChartLayout, into svg: inout SVGBuilder) {
        guard !layout.legend.isEmpty else { return }
        svg.open("g", ["class": "legend", "font-size": .init(ChartLayout.legendFontSize)])
        for (item, position) in zip(layout.legend, layout.legendPositions) {
            let middle = position.y + ChartLayout.legendRowHeight / 2
            let swatch: (color: String, dash: SVGValue, dot: Bool, line: Bool) = switch item {
            case .series(_, let color, let style, let dashed): (color, SVGValue(dashed ? "7 4" : "none"), style != .line, style != .dots)
            case .referenceLine: (Self.referenceColor, "8 4", false, true)
            case .marker(let kind): (Self.markerColor(kind), Self.markerDash(kind), false, true)
            }
            if case .marker = item {
                svg.element("line", [
                    "x1": .init(position.x + 12), "x2": .init(position.x + 12), "y1": .init(middle - 7), "y2": .init(middle + 7),
                    "stroke": .init(swatch.color), "stroke-width": 1.8, "stroke-dasharray": swatch.dash,
                ])
            } else if swatch.line {
                svg.element("line", [
                    "x1": .init(position.x), "x2": .init(position.x + 24), "y1": .init(middle), "y2": .init(middle),
                    "stroke": .init(swatch.color), "stroke-width": 2, "stroke-dasharray": swatch.dash,
                ])
            }
            if swatch.dot {
                svg.element("circle", ["cx": .init(position.x + 12), "cy": .init(middle), "r": 3, "fill": .init(swatch.color)])
            }
            svg.text("text", ["x": .init(position.x + 30), "y": .init(middle + 4)], content: item.label)
        }
        svg.close("g")
    }

    private static func markerColor(_ kind: ChartMarker.Kind) -> String {
        switch kind {
        case .kill: killColor
        case .restart: restartColor
        }
    }

    private static func markerDash(_ kind: ChartMarker.Kind) -> SVGValue {
        switch kind {
        case .kill: "none"
        case .restart: "6 3"
        }
    }
}
