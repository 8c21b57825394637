import Foundation

/// A fresh directory under the system's temporary directory for one test, removed afterwards.
struct TemporaryDirectory {
    let path: String

    /// Runs `body` with a new empty directory and removes the directory when `body` returns or throws.
    static func with<Result>(_ body: (TemporaryDirectory) throws -> Result) throws -> Result {
        let directory = TemporaryDirectory(path: NSTemporaryDirectory() + "sluice-orders-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        return try body(directory)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Creates the directory `name` inside the directory and returns its path.
    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: false)
        return file(name)
    }

    /// The names in the directory (or in `subdirectory` of it), sorted, hidden names included.
    func names(in subdirectory: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subdirectory.map(file) ?? path).sorted()
    }

    /// The bytes of the file `name`.
    func bytes(of name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// Writes `bytes` to the file `name`.
    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }
}
