import Foundation
import SluiceCore

/// Prints each input problem (a malformed line, an unreadable file, a lost connection) to standard
/// error, as the lecture's `parseOrder` prints `Wrong line format`.
public final class ProblemPrinter: StreamingListener {
    public init() {}

    public func receiverError(_ problem: InputProblem) {
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }
}
