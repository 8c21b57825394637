/// A piece of the input that the splitter moved into the target directory.
public struct DeliveredFile: Sendable, Hashable {
    /// The file's name, such as `chunkaa`.
    public var name: String
    /// The file's path in the target directory.
    public var path: String
    /// The number of lines in the file, a final line without a newline included.
    public var lineCount: Int
    /// The file's size in bytes.
    public var byteCount: Int

    /// Creates the record of a delivered file.
    public init(name: String, path: String, lineCount: Int, byteCount: Int) {
        self.name = name
        self.path = path
        self.lineCount = lineCount
        self.byteCount = byteCount
    }
}
