import ArgumentParser
import Foundation
import Testing
@testable import SluiceHarness
import SluiceOrders

@Suite struct GenerateCommandTests {
    @Test func isASubcommandOfTheHarness() throws {
        let command = try HarnessCommand.parseAsRoot(["generate", "--output", "orders.txt"])
        let generate = try #require(command as? GenerateCommand)
        #expect(generate.count == 500_000)
        #expect(generate.seed == OrderGenerator.Configuration().seed)
        #expect(generate.malformedFraction == 0)
        #expect(generate.lateFraction == 0.03)
    }

    @Test func readsEveryOption() throws {
        let command = try GenerateCommand.parse([
            "--count", "10", "--seed", "7", "--malformed", "0.001", "--late-fraction", "0.5", "--output", "out.txt",
        ])
        #expect(command.count == 10 && command.seed == 7 && command.malformedFraction == 0.001)
        #expect(command.lateFraction == 0.5 && command.output == "out.txt")
    }

    @Test(arguments: [
        (["--count", "-5", "--output", "o"], "--count must be a whole number of at least 0, got -5"),
        (["--count", "many", "--output", "o"], "The value 'many' is invalid for '--count <N>'"),
        (["--seed", "-1", "--output", "o"], "The value '-1' is invalid for '--seed <S>'"),
        (["--malformed", "1.5", "--output", "o"], "--malformed must be a fraction from 0 to 1, such as 0.001, got 1.5"),
        (["--malformed", "nan", "--output", "o"], "--malformed must be a fraction from 0 to 1, such as 0.001, got nan"),
        (["--late-fraction", "-0.1", "--output", "o"], "--late-fraction must be a fraction from 0 to 1, such as 0.03, got -0.1"),
        ([], "Missing expected argument '--output <PATH>'"),
    ])
    func refusesBadValuesNamingTheOption(arguments: [String], message: String) {
        let error = #expect(throws: (any Error).self) { try GenerateCommand.parse(arguments) }
        #expect(error.map { GenerateCommand.message(for: $0) }?.contains(message) == true, "\(error.map { GenerateCommand.message(for: $0) } ?? "")")
    }

    @Test func explainsEveryOptionInItsHelp() {
        let help = GenerateCommand.helpMessage()
        for option in ["--count <N>", "--seed <S>", "--malformed <FRACTION>", "--late-fraction <F>", "--output <PATH>"] {
            #expect(help.contains(option), "\(option) missing from:\n\(help)")
        }
    }

    @Test func writesTheGeneratedFile() throws {
        let path = NSTemporaryDirectory() + "sluice-generate-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try GenerateCommand.parse(["--count", "1000", "--seed", "3", "--malformed", "0.01", "--output", path])
        try command.run()
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == OrderGenerator.generate(.init(count: 1000, seed: 3, malformedFraction: 0.01)).text)
    }
}
