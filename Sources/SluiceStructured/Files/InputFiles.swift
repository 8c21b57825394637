import Foundation
import SluiceCore

/// The files a batch read takes from a path, as Spark's file sources choose them.
enum InputFiles {
    /// `path` itself if it is a file; for a directory, the files a file sink committed if it holds a
    /// sink's manifest, else every file in it whose name does not start with `.` or `_` (so `_SUCCESS`
    /// and hidden files are left out) and is not a durable write's temporary, in name order.
    static func list(_ path: String) throws(FileError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .pathDoesNotExist(path) }
        guard isDirectory.boolValue else { return [path] }
        if FileSinkManifest.exists(in: path) {
            let files = try FileSinkManifest.committedFiles(directory: path)
            for file in files where !FileManager.default.fileExists(atPath: file) {
                throw .cannotRead(path: file, reason: "listed in the file sink's manifest, but missing")
            }
            return files
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .cannotRead(path: path, reason: "cannot list the directory (\(error.localizedDescription))")
        }
        return names.sorted()
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && !$0.hasSuffix(DurableFile.temporarySuffix) }
            .map { (path as NSString).appendingPathComponent($0) }
            .filter { file in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
    }
}
