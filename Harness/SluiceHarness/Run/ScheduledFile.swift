/// One input file of the schedule: orders `firstOrder...lastOrder`, due from `scheduledStart` to
/// `scheduledEnd` (µs since the replay started), delivered at `scheduledEnd`.
public struct ScheduledFile: Sendable, Equatable {
    /// Its name in the job's input directory.
    public var name: String
    public var firstOrder: Int64
    public var lastOrder: Int64
    public var scheduledStart: Int64
    public var scheduledEnd: Int64

    public init(name: String, firstOrder: Int64, lastOrder: Int64, scheduledStart: Int64, scheduledEnd: Int64) {
        self.name = name
        self.firstOrder = firstOrder
        self.lastOrder = lastOrder
        self.scheduledStart = scheduledStart
        self.scheduledEnd = scheduledEnd
    }

    /// Orders in the file.
    public var records: Int64 { lastOrder - firstOrder + 1 }
}
