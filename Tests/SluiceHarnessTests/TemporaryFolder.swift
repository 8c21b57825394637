import Foundation

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init(_ name: String) throws {
        path = NSTemporaryDirectory() + "sluice-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Appends raw bytes to the file at `name` in the folder, creating it if needed.
    func append(_ text: String, to name: String) throws {
        try Self.appendRaw(text, toFileAt: path + "/" + name)
    }

    /// Appends raw bytes to the file at `file`, creating it if needed.
    static func appendRaw(_ text: String, toFileAt file: String) throws {
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}
