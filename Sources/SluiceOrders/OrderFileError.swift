#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation of the order workload that failed, naming the path, e.g.
/// `orders.txt: cannot open for reading: No such file or directory`.
public struct OrderFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory at fault.
    public var path: String
    /// What failed and why.
    public var problem: String

    /// Creates an error about `path`.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }

    /// The error for `action` on `path` failing with the system error number `code`.
    static func system(_ path: String, _ action: String, code: Int32 = errno) -> OrderFileError {
        OrderFileError(path: path, problem: "cannot \(action): \(String(cString: strerror(code)))")
    }
}
