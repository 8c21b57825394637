import ArgumentParser
import SluiceOrders

/// `sluice-harness generate`: writes the lecture's orders file, the same bytes for the same options.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic orders file like the lecture's orders.txt.",
        discussion: """
            Each line is time,orderId,clientId,symbol,amount,price,B|S, for example \
            2016-03-22 20:25:28,1,80,EPE,710,51.0,B. Times start at 2016-03-22 20:25:00 UTC and advance \
            over six hours; about 100 clients trade about 100 symbols, a few symbols far more than the \
            rest. The same options always give the same bytes.
            """
    )

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of lines; line i holds orderId i.", valueName: "N"))
    var count: Int = OrderGenerator.Configuration().count

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the random choices, a whole number from 0 to 2^64-1.", valueName: "S"))
    var seed: UInt64 = OrderGenerator.Configuration().seed

    @Option(
        name: .customLong("malformed"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Fraction of lines, from 0 to 1, replaced by malformed ones (wrong field count, non-numeric amount, bad price, bad timestamp, bad B|S flag, empty line, non-UTF-8 bytes); their orderIds are missing from the file.",
            valueName: "FRACTION"
        )
    )
    var malformedFraction: Double = 0

    @Option(
        name: .customLong("late-fraction"),
        parsing: .unconditional,
        help: ArgumentHelp("Fraction of orders, from 0 to 1, whose event time is up to 10 minutes earlier than the orders before them.", valueName: "F")
    )
    var lateFraction: Double = OrderGenerator.Configuration().lateFraction

    @Option(help: ArgumentHelp("File to write; replaced if it exists, and never left half-written.", valueName: "PATH"))
    var output: String

    func validate() throws {
        guard count >= 0 else {
            throw ValidationError("--count must be a whole number of at least 0, got \(count)")
        }
        guard (0...1).contains(malformedFraction) else {
            throw ValidationError("--malformed must be a fraction from 0 to 1, such as 0.001, got \(malformedFraction)")
        }
        guard (0...1).contains(lateFraction) else {
            throw ValidationError("--late-fraction must be a fraction from 0 to 1, such as 0.03, got \(lateFraction)")
        }
    }

    func run() throws {
        let generatorConfiguration = OrderGenerator.Configuration(
            count: count, seed: seed, lateFraction: lateFraction, malformedFraction: malformedFraction
        )
        let clock = ContinuousClock()
        let started = clock.now
        let summary = try OrderGenerator.write(generatorConfiguration, toFileAt: output)
        let elapsed = clock.now - started
        print("wrote \(summary.lineCount) lines (\(summary.malformedLineCount) malformed, \(summary.byteCount) bytes) to \(output) in \(elapsed)")
    }
}
