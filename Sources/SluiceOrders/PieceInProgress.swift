/// The piece the splitter is filling: a staged file, and how many lines and bytes it holds so far.
final class PieceInProgress {
    let name: String
    private let lineLimit: Int
    private let file: StagedFile
    /// The number of complete (newline-terminated) lines so far.
    private var lineCount = 0
    private var byteCount = 0
    private var endsInsideLine = false

    /// Starts the piece `name` of up to `lineLimit` lines in `stagingDirectory`, to be delivered into `targetDirectory`.
    init(name: String, lineLimit: Int, stagingDirectory: String, targetDirectory: String) throws(OrderFileError) {
        self.name = name
        self.lineLimit = lineLimit
        file = try StagedFile(
            stagingPath: PathNames.joined(stagingDirectory, name),
            finalPath: PathNames.joined(targetDirectory, name)
        )
    }

    /// Whether the piece holds its `lineLimit` lines.
    var isFull: Bool { lineCount == lineLimit }

    /// Appends the bytes of `block` from `start` up to and including the newline that fills the piece,
    /// or to the block's end; returns where it stopped.
    func append(_ block: [UInt8], from start: Int) throws(OrderFileError) -> Int {
        var end = start
        while end < block.count && lineCount < lineLimit {
            if block[end] == UInt8(ascii: "\n") {
                lineCount += 1
            }
            end += 1
        }
        try file.write(Array(block[start..<end]))
        byteCount += end - start
        endsInsideLine = block[end - 1] != UInt8(ascii: "\n")
        return end
    }

    /// Publishes the piece into the target directory, counting a final line without a newline as a line.
    func deliver() throws(OrderFileError) -> DeliveredFile {
        try file.publish(replacingExisting: false)
        return DeliveredFile(name: name, path: file.finalPath, lineCount: lineCount + (endsInsideLine ? 1 : 0), byteCount: byteCount)
    }
}
