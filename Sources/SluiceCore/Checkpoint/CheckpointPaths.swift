/// Every path of a checkpoint directory, built in one place:
///
/// ```
/// <root>/metadata                          query id and plan fingerprint
/// <root>/lock                              the running job's lock
/// <root>/offsets/<batch>                   written before batch <batch> runs
/// <root>/commits/<batch>                   written after its sink committed
/// <root>/state/<operator>/<partition>/<version>.delta and <version>.snapshot
/// <root>/sources/<source>/<batch>          what a source read in a batch (e.g. the files log)
/// ```
public struct CheckpointPaths: Sendable, Equatable {
    public let root: String

    public init(root: String) { self.root = root }

    public var metadata: String { "\(root)/metadata" }
    public var offsets: String { "\(root)/offsets" }
    public var commits: String { "\(root)/commits" }

    /// The folder of one operator partition's state versions.
    public func state(operator operatorID: Int, partition: Int) -> String { "\(root)/state/\(operatorID)/\(partition)" }

    /// The log folder of one source.
    public func source(_ index: Int) -> String { "\(root)/sources/\(index)" }
}
