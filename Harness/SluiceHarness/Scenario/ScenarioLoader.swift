import Foundation

/// Finds and reads scenario files, for `list`, `run` and `sweep`.
public enum ScenarioLoader {
    /// The folder of shipped scenarios, relative to the package root.
    public static let defaultDirectory = "Scenarios"

    /// One file of a folder and what reading it gave.
    public struct Entry: Sendable, Equatable {
        /// The file's path: the folder joined with the file's name.
        public var path: String
        public var result: Result<Scenario, ScenarioError>

        public init(path: String, result: Result<Scenario, ScenarioError>) {
            self.path = path
            self.result = result
        }
    }

    /// The scenario in the file at `path`; an error names `path` as given.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioError(file: path, problem: .unreadable("cannot read the file: \(Self.reason(error))"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, problem: .unreadable("the file is not UTF-8 text"))
        }
        return try ScenarioParser.parse(text, file: path)
    }

    /// Every `*.toml` file of `directory`, by name, each read or with its error; the folder's other files
    /// are left alone. Two files naming the same scenario are an error on the second.
    public static func loadAll(directory: String) throws(ScenarioError) -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ScenarioError(file: directory, problem: .unreadable("cannot list the folder: \(Self.reason(error))"))
        }
        var entries: [Entry] = []
        var seen: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".toml") && !name.hasPrefix(".") {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + name
            var result = Result { () throws(ScenarioError) in try load(path: path) }
            if case .success(let scenario) = result {
                if let first = seen[scenario.name] {
                    result = .failure(ScenarioError(file: path, key: "name", problem: .conflict("the scenario \"\(scenario.name)\" is also defined by \(first)")))
                } else {
                    seen[scenario.name] = path
                }
            }
            entries.append(Entry(path: path, result: result))
        }
        return entries
    }

    /// The operating system's reason, without Foundation's boilerplate.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
