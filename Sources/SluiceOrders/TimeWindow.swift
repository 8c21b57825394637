import SluiceCore

/// An event-time window `[start, end)`, in microseconds since the epoch.
public struct TimeWindow: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first instant in the window, in microseconds since the epoch.
    public var start: Int64
    /// The first instant after the window, in microseconds since the epoch.
    public var end: Int64

    /// Creates the window `[start, end)`.
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// The windows that contain `time`, earliest first, as Spark's `window(time, length, slide)` makes them.
    ///
    /// Windows are `length` long and start at every multiple of `slide` since the epoch; `time` belongs to
    /// each window with `start ≤ time < start + length`: ⌈length / slide⌉ windows when `slide` divides
    /// `length`. With `slide == length` they are tumbling windows, one per time.
    public static func windows(containing time: Int64, length: Duration, slide: Duration) -> [TimeWindow] {
        let lengthMicroseconds = length.microseconds
        let slideMicroseconds = slide.microseconds
        precondition(lengthMicroseconds > 0 && slideMicroseconds > 0, "window length \(length) and slide \(slide) must be positive")
        var windows: [TimeWindow] = []
        var start = time.floorDivided(by: slideMicroseconds) * slideMicroseconds
        while start > time - lengthMicroseconds {
            windows.append(TimeWindow(start: start, end: start + lengthMicroseconds))
            start -= slideMicroseconds
        }
        return windows.reversed()
    }

    public static func < (lhs: TimeWindow, rhs: TimeWindow) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// The window in the lecture's text form, `[2016-03-22 20:00:00, 2016-03-22 21:00:00)`.
    public var description: String {
        var text = Array("[".utf8)
        TimestampText.append(start, to: &text)
        text.append(contentsOf: ", ".utf8)
        TimestampText.append(end, to: &text)
        text.append(UInt8(ascii: ")"))
        return String(decoding: text, as: UTF8.self)
    }
}
