import Foundation

/// A fresh directory under the system's temporary directory for one test, removed afterwards.
struct ScratchDirectory {
    let path: String

    /// Runs `body` with a new empty directory and removes the directory when `body` returns or throws.
    static func with<Result>(_ body: (ScratchDirectory) throws -> Result) throws -> Result {
        let directory = ScratchDirectory(path: NSTemporaryDirectory() + "sluice-files-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        return try body(directory)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Creates the directory `name` inside the directory and returns its path.
    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
        return file(name)
    }

    /// Writes `text` to `name` directly (for files read in batch).
    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Writes `text` under a hidden staging name in `directory` and renames it to `name`, as writers
    /// feeding a streaming directory source must.
    func moveIn(_ text: String, as name: String, into directory: String) throws {
        let staging = directory + "/.staging-" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: staging))
        try FileManager.default.moveItem(atPath: staging, toPath: directory + "/" + name)
    }

    /// The names in `subdirectory` (or the directory itself), sorted, hidden names included.
    func names(in subdirectory: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subdirectory.map(file) ?? path).sorted()
    }

    /// The text of the file `name`.
    func text(of name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: file(name))), as: UTF8.self)
    }
}
