/// Reading or writing files failed; each case names the path.
public enum FileError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at a path that should be read.
    case pathDoesNotExist(String)
    /// A file or directory exists but cannot be read.
    case cannotRead(path: String, reason: String)
    /// A path to write exists already and the save mode is `errorIfExists`.
    case pathAlreadyExists(String)
    /// A file sink's manifest entry is not one this version reads.
    case corruptManifest(path: String, reason: String)
    /// A file or directory cannot be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .pathDoesNotExist(let path): "Path does not exist: \(path)"
        case .cannotRead(let path, let reason): "\(path): cannot be read: \(reason)"
        case .pathAlreadyExists(let path): "Path \(path) already exists (save mode errorIfExists; use overwrite, append or ignore)"
        case .corruptManifest(let path, let reason): "\(path): not a file sink manifest: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): cannot be written: \(reason)"
        }
    }
}
