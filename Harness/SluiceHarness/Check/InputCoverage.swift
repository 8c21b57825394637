/// What a batch's committed offsets cover of the input, as order ids (line numbers).
///
/// For a directory source the offsets name the files read; the input is whole files in name order, so
/// the offsets should cover the first few files and skip none. For in-process producers each producer's
/// sequence number says how many of its records were taken, which is a prefix of each by construction.
public struct InputCoverage: Sendable, Equatable {
    /// The lines the offsets cover.
    public var covered = OrderIDRanges()
    /// The smallest prefix of the input holding them: with a directory source every file up to the last
    /// one read, in name order; with producers, the covered lines themselves.
    public var prefix = OrderIDRanges()
    /// The files read, in name order.
    public var filesRead: [String] = []
    /// Files before the last one read, in name order, that were not read.
    public var filesSkipped: [String] = []

    public init() {}

    /// Whether the offsets cover a prefix of the input.
    public var isPrefix: Bool { filesSkipped.isEmpty }

    /// Adds the coverage of another source.
    mutating func formUnion(_ other: InputCoverage) {
        covered = covered.union(other.covered)
        prefix = prefix.union(other.prefix)
        filesRead = (filesRead + other.filesRead).sorted()
        filesSkipped = (filesSkipped + other.filesSkipped).sorted()
    }
}

/// Why a checker cannot tell: the history lacks something it needs, e.g. the workload, or a way to map
/// a batch's offsets to orders (`source 'orders': file 'chunkaf' was read but no usable produced line names it`).
public struct CheckProblem: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
