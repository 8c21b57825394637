/// A two-axis chart to draw as a standalone SVG file: series of points, vertical event markers (a kill,
/// a restart) and horizontal reference lines (the batch interval). ``svg()`` draws it.
///
/// Everything a reader needs is in the picture: a title, axes with ticks and units, and a legend that
/// names every series, marker kind and reference line.
public struct Chart: Sendable {
    public var title: String
    public var xAxis: ChartAxis
    public var yAxis: ChartAxis
    public var series: [ChartSeries]
    public var markers: [ChartMarker]
    public var referenceLines: [ChartReferenceLine]
    /// Pixel size of the drawing.
    public var width: Double
    public var height: Double

    public init(
        title: String, xAxis: ChartAxis, yAxis: ChartAxis, series: [ChartSeries] = [], markers: [ChartMarker] = [],
        referenceLines: [ChartReferenceLine] = [], width: Double = 820, height: Double = 440
    ) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.markers = markers
        self.referenceLines = referenceLines
        self.width = width
        self.height = height
    }
}

/// A point of a series, in the axes' units.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named set of points drawn as a line, as dots, or both.
public struct ChartSeries: Sendable {
    /// How the points are drawn.
    public enum Style: Sendable {
        /// Joined by straight lines.
        case line
        /// A dot at each point.
        case dots
        /// Both.
        case lineWithDots
    }

    public var name: String
    public var points: [ChartPoint]
    public var style: Style
    /// When two neighbouring points are further apart than this along x, the line breaks between them
    /// (no data there, e.g. while the job was down); nil joins all points.
    public var maximumGap: Double?
    /// An SVG colour; nil takes the next one of the palette.
    public var color: String?
    /// Drawn dashed, for ideal or reference curves.
    public var dashed: Bool

    public init(name: String, points: [ChartPoint], style: Style = .line, maximumGap: Double? = nil, color: String? = nil, dashed: Bool = false) {
        self.name = name
        self.points = points
        self.style = style
        self.maximumGap = maximumGap
        self.color = color
        self.dashed = dashed
    }
}

/// A vertical line across the plot at `x`, marking an event.
public struct ChartMarker: Sendable, Equatable {
    /// What happened, which sets colour and legend entry.
    public enum Kind: String, Sendable, CaseIterable {
        /// The job was killed: red.
        case kill
        /// The job was started again: green.
        case restart
    }

    public var kind: Kind
    public var x: Double

    public init(kind: Kind, x: Double) {
        self.kind = kind
        self.x = x
    }
}

/// A horizontal line across the plot at `y`, labelled, e.g. the batch interval.
public struct ChartReferenceLine: Sendable, Equatable {
    public var label: String
    public var y: Double

    public init(label: String, y: Double) {
        self.label = label
        self.y = y
    }
}
