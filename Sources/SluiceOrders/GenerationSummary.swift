/// What `OrderGenerator.write` wrote.
public struct GenerationSummary: Sendable, Hashable {
    /// The number of lines written, malformed ones included.
    public var lineCount: Int
    /// The number of malformed lines among them.
    public var malformedLineCount: Int
    /// The file's size in bytes.
    public var byteCount: Int
}
