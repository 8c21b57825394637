import Foundation

/// A fresh directory under the system's temporary directory for one test, removed afterwards.
struct TemporaryDirectory {
    let path: String

    /// Runs `body` with a new empty directory and removes the directory when `body` returns or throws.
    static func with<Result>(_ body: (TemporaryDirectory) throws -> Result) throws -> Result {
        let directory = TemporaryDirectory(path: NSTemporaryDirectory() + "sluice-sqlite-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        return try body(directory)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// The size of the file `name` in bytes, 0 if it does not exist.
    func size(of name: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file(name)))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
