import ArgumentParser
import SluiceOrders

/// `sluice-harness split`: delivers a file into a watched directory piece by piece, as the lecture's
/// `splitAndSend.sh` does, without its race.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Deliver a file into a directory in pieces of N lines, one piece at a time.",
        discussion: """
            Pieces are named like split's output (chunkaa, chunkab, ...). Each is written into the hidden \
            directory DIR/\(OrderSplitter.stagingDirectoryName), synced to disk, and then renamed into DIR, so a \
            stream watching DIR only ever sees whole pieces. The staging directory is removed at the end. \
            DIR must exist, and no piece replaces an existing file.
            """
    )

    @Argument(help: ArgumentHelp("The file to split, such as orders.txt.", valueName: "INPUT"))
    var input: String

    @Option(help: ArgumentHelp("The directory to deliver the pieces into; it must exist.", valueName: "DIR"))
    var into: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Lines in each piece (the last may have fewer), at least 1.", valueName: "N"))
    var lines: Int = OrderSplitter.Configuration().linesPerFile

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds to pause between two pieces, 0 or more; fractions allowed.", valueName: "SECONDS"))
    var pace: Double = OrderSplitter.Configuration().pace / .seconds(1)

    func validate() throws {
        guard lines >= 1 else {
            throw ValidationError("--lines must be a whole number of at least 1, got \(lines)")
        }
        guard pace.isFinite && pace >= 0 else {
            throw ValidationError("--pace must be a number of seconds, 0 or more, such as 3 or 0.5, got \(pace)")
        }
    }

    func run() throws {
        let splitter = OrderSplitter(OrderSplitter.Configuration(linesPerFile: lines, pace: .seconds(pace)))
        let delivered = try splitter.split(inputAt: input, into: into) { file in
            print("delivered \(file.path) (\(file.lineCount) lines, \(file.byteCount) bytes)")
        }
        print("delivered \(delivered.count) files into \(into)")
    }
}
