import Foundation

/// What a report states besides the history: which scenario ran with which settings, on which machine,
/// and for a sweep the capacity points.
public struct ReportContext: Sendable {
    /// The scenario's name; the report's folder is `<root>/<scenario>/<run>/`.
    public var scenario: String
    /// The run's name, unique within the scenario (``runName(startedAt:)`` gives a timestamp).
    public var run: String
    /// The scenario's settings, in the order to show them. Secret values are redacted when written.
    public var settings: [ReportSetting]
    /// The batch interval, µs, drawn as the processing plot's limit; nil for runs without one.
    public var batchIntervalMicroseconds: Int64?
    public var machine: MachineFacts
    /// A sweep's points, for the capacity curve; empty for a single run.
    public var capacity: [CapacityPoint]

    public init(
        scenario: String, run: String, settings: [ReportSetting] = [], batchIntervalMicroseconds: Int64? = nil,
        machine: MachineFacts, capacity: [CapacityPoint] = []
    ) {
        self.scenario = scenario
        self.run = run
        self.settings = settings
        self.batchIntervalMicroseconds = batchIntervalMicroseconds
        self.machine = machine
        self.capacity = capacity
    }

    /// A run name from its start time in UTC, sorting in time order: `2026-11-25T15-30-00Z`.
    public static func runName(startedAt date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "-")
    }
}

/// One setting of a scenario, as `key = value`.
public struct ReportSetting: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
