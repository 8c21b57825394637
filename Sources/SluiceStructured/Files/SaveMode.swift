/// What a batch write does when its output path exists already: Spark's `SaveMode`.
public enum SaveMode: String, Sendable, Hashable {
    /// Throws `FileError.pathAlreadyExists` (the default).
    case errorIfExists
    /// Adds new part files beside those already there.
    case append
    /// Removes what is at the path first.
    case overwrite
    /// Writes nothing.
    case ignore
}
