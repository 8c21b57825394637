import Foundation

extension DirectoryInput {
    /// What reading one file of the directory gave.
    enum FileContents {
        case records(DecodedRecords)
        case empty
        case vanished
        case unreadable
    }

    /// The path of file `name` in the directory.
    func path(of name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// Reads and decodes file `name`, the whole file as one chunk.
    func contents(of name: String) -> FileContents {
        let path = path(of: name)
        guard FileManager.default.fileExists(atPath: path) else { return .vanished }
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        if data.isEmpty { return .empty }
        return .records(decoder.decode([UInt8](data), source: path, firstLine: 1))
    }
}

extension InputSlice {
    /// Adds a file's decoded rows as one chunk, with its malformed-record count and samples.
    mutating func append(_ decoded: DecodedRecords) {
        chunks.append(decoded.batch)
        malformedRecords += decoded.malformed
        problems.append(contentsOf: decoded.samples)
    }
}
