import Foundation

/// Where the `sluice-job` binary a scenario runs with is.
enum JobExecutable {
    /// `override` if given, else the binary for the scenario's first allocator beside `sluice-harness`.
    static func path(for scenario: Scenario, override: String?) -> String {
        let binary = scenario.allocators.first == .system ? "sluice-job-system-malloc" : "sluice-job"
        return override ?? Bundle.main.executableURL.map { $0.deletingLastPathComponent().appendingPathComponent(binary).path } ?? binary
    }
}
