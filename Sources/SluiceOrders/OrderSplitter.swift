/// The lecture's `splitAndSend.sh` without its race: cuts a file into pieces of so many lines and moves
/// them one at a time, at a pace, into the directory that a stream watches.
///
/// Each piece is written into the staging directory `DIR/.sluice-staging`, synced, and then renamed into
/// `DIR`, so a watcher of `DIR` never sees part of a piece. Staging *inside* `DIR` keeps the rename on one
/// file system even when `DIR` is a mount point, and its name is hidden: Spark's `textFileStream` skips
/// names that start with `.`, and so must any watcher of `DIR`. The staging directory is removed at the end
/// (and on failure). One left by an interrupted run is reused; stray files in it make the final removal
/// fail with an error naming it.
///
/// The pieces are named as `split -l` names them (`chunkaa`, `chunkab`, …, see `SplitFileNames`); the last
/// one may be shorter, and keeps a final line that has no newline. A piece never replaces an existing file.
/// `DIR` must exist: the splitter does not create it, so that a mistyped path fails at once rather than
/// feeding a directory that nobody watches.
public struct OrderSplitter {
    /// The hidden directory inside the target directory where pieces are written before they are moved.
    public static let stagingDirectoryName = ".sluice-staging"

    /// How the splitter cuts and paces.
    public let configuration: Configuration
    private let sleep: (Duration) -> Void

    /// A splitter that pauses between pieces by calling `sleep` with `configuration.pace`; tests pass
    /// their own `sleep`, which also lets them look at the target directory between deliveries.
    public init(_ configuration: Configuration = Configuration(), sleep: @escaping (Duration) -> Void = OrderSplitter.sleepOnCurrentThread) {
        let problems = configuration.problems
        precondition(problems.isEmpty, "order splitter: \(problems.joined(separator: "; "))")
        self.configuration = configuration
        self.sleep = sleep
    }

    /// Splits the file at `inputPath` into pieces delivered into `directory`, calling `onDelivery` after each.
    @discardableResult
    public func split(
        inputAt inputPath: String,
        into directory: String,
        onDelivery: (DeliveredFile) -> Void = { _ in }
    ) throws(OrderFileError) -> [DeliveredFile] {
        let input = try SystemFile.openForReading(inputPath)
        guard SystemFile.isDirectory(directory) else {
            let problem = SystemFile.exists(directory) ? "is not a directory" : "no such directory; create it first"
            throw OrderFileError(path: directory, problem: problem)
        }
        let stagingDirectory = PathNames.joined(directory, Self.stagingDirectoryName)
        try SystemFile.makeDirectory(stagingDirectory)
        let delivered: [DeliveredFile]
        do {
            delivered = try deliverPieces(of: input, stagingDirectory: stagingDirectory, targetDirectory: directory, onDelivery: onDelivery)
        } catch {
            try? SystemFile.removeDirectory(stagingDirectory)
            throw error
        }
        try SystemFile.removeDirectory(stagingDirectory)
        return delivered
    }

    private func deliverPieces(
        of input: SystemFile,
        stagingDirectory: String,
        targetDirectory: String,
        onDelivery: (DeliveredFile) -> Void
    ) throws(OrderFileError) -> [DeliveredFile] {
        var delivered: [DeliveredFile] = []
        var piece: PieceInProgress?
        func deliver(_ complete: PieceInProgress) throws(OrderFileError) {
            delivered.append(try complete.deliver())
            onDelivery(delivered[delivered.count - 1])
            piece = nil
        }
        while true {
            let block = try input.readBytes(upTo: 1 << 20)
            guard !block.isEmpty else { break }
            var start = 0
            while start < block.count {
                let current: PieceInProgress
                if let piece {
                    current = piece
                } else {
                    current = try startPiece(number: delivered.count, stagingDirectory, targetDirectory)
                    piece = current
                }
                start = try current.append(block, from: start)
                if current.isFull {
                    try deliver(current)
                }
            }
        }
        if let last = piece {
            try deliver(last)
        }
        return delivered
    }

    /// Starts piece `number` (from 0), after a pause unless it is the first.
    private func startPiece(number: Int, _ stagingDirectory: String, _ targetDirectory: String) throws(OrderFileError) -> PieceInProgress {
        if number > 0 {
            sleep(configuration.pace)
        }
        return try PieceInProgress(
            name: configuration.filePrefix + SplitFileNames.suffix(index: number),
            lineLimit: configuration.linesPerFile,
            stagingDirectory: stagingDirectory,
            targetDirectory: targetDirectory
        )
    }
}
