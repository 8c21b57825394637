import Foundation

/// Runs `sluice-job` as a child process, as the harness's nemesis does, and reports how it ended.
struct JobProcess {
    /// How a child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case killed(signal: Int32)
    }

    /// A job binary beside the test binary (built by `swift build --build-tests`).
    static func executable(_ name: String = "sluice-job") -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs the job with `arguments` (and `SLUICE_FAULT` when a fault is given) to its end; its small
    /// standard output is kept in `output`.
    static func run(_ arguments: [String], fault: String? = nil, binary: String = "sluice-job") throws -> (ending: Ending, errors: String, output: String) {
        let executable = executable(binary)
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw JobProcessError(message: "\(executable) is missing: build it with `swift build --build-tests` before the tests")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SLUICE_FAULT"] = fault
        process.environment = environment
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let ending: Ending = process.terminationReason == .uncaughtSignal ? .killed(signal: process.terminationStatus) : .exited(process.terminationStatus)
        return (ending, text, printed)
    }
}

struct JobProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
