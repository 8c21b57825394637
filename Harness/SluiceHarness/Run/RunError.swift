/// `run` could not do its work: an unsupported scenario, a file it cannot write, a job it cannot start.
/// Exits with the harness-error code.
public struct RunError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
