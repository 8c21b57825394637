import ArgumentParser
import Foundation
import Testing
@testable import SluiceHarness

@Suite struct SplitCommandTests {
    @Test func isASubcommandOfTheHarnessWithTheLectureDefaults() throws {
        let command = try HarnessCommand.parseAsRoot(["split", "orders.txt", "--into", "input"])
        let split = try #require(command as? SplitCommand)
        #expect(split.input == "orders.txt" && split.into == "input")
        #expect(split.lines == 10_000 && split.pace == 3)
    }

    @Test(arguments: [
        (["orders.txt", "--into", "input", "--lines", "0"], "--lines must be a whole number of at least 1, got 0"),
        (["orders.txt", "--into", "input", "--lines", "ten"], "The value 'ten' is invalid for '--lines <N>'"),
        (["orders.txt", "--into", "input", "--pace", "-1"], "--pace must be a number of seconds, 0 or more, such as 3 or 0.5, got -1.0"),
        (["orders.txt", "--into", "input", "--pace", "inf"], "--pace must be a number of seconds, 0 or more, such as 3 or 0.5, got inf"),
        (["orders.txt", "--into", "input", "--pace", "soon"], "The value 'soon' is invalid for '--pace <SECONDS>'"),
        (["orders.txt"], "Missing expected argument '--into <DIR>'"),
        (["--into", "input"], "Missing expected argument '<INPUT>'"),
    ])
    func refusesBadValuesNamingTheOption(arguments: [String], message: String) {
        let error = #expect(throws: (any Error).self) { try SplitCommand.parse(arguments) }
        #expect(error.map { SplitCommand.message(for: $0) }?.contains(message) == true, "\(error.map { SplitCommand.message(for: $0) } ?? "")")
    }

    @Test func explainsEveryOptionInItsHelp() {
        let help = SplitCommand.helpMessage()
        for option in ["<INPUT>", "--into <DIR>", "--lines <N>", "--pace <SECONDS>", ".sluice-staging"] {
            #expect(help.contains(option), "\(option) missing from:\n\(help)")
        }
    }

    @Test func deliversTheFileInPieces() throws {
        let directory = NSTemporaryDirectory() + "sluice-split-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/input", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("1\n2\n3\n".utf8).write(to: URL(fileURLWithPath: directory + "/orders.txt"))
        let command = try SplitCommand.parse([directory + "/orders.txt", "--into", directory + "/input", "--lines", "2", "--pace", "0"])
        try command.run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/input").sorted() == ["chunkaa", "chunkab"])
    }
}
