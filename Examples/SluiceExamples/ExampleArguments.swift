import Foundation

/// The positional arguments of an example program, with the lecture's usage line on error.
public struct ExampleArguments {
    public let values: [String]

    /// Reads `names.count` positional arguments (plus `optional` trailing ones), or prints
    /// `Usage: <program> <names…>` to standard error and exits with status 255, as the lecture's scripts do.
    public init(program: String, names: [String], optional: [String] = [], arguments: [String] = CommandLine.arguments) {
        let given = Array(arguments.dropFirst())
        guard given.count >= names.count, given.count <= names.count + optional.count else {
            let usage = (names.map { "<\($0)>" } + optional.map { "[\($0)]" }).joined(separator: " ")
            FileHandle.standardError.write(Data("Usage: \(program) \(usage)\n".utf8))
            exit(255)
        }
        values = given
    }

    public subscript(position: Int) -> String? { position < values.count ? values[position] : nil }

    /// The argument at `position` as a port or count, exiting with a message naming it if it is not one.
    public func integer(_ position: Int, named name: String) -> Int {
        guard let text = self[position], let value = Int(text), value >= 0 else {
            FileHandle.standardError.write(Data("\(name): '\(self[position] ?? "")' is not a non-negative integer\n".utf8))
            exit(255)
        }
        return value
    }
}
