/// Every path the workload's files use, built in one place from plain `/`-separated strings.
enum PathNames {
    /// The directory that holds `path`: what precedes its last `/`, `/` for a file at the root, `.` for a bare name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `name` inside `directory`.
    static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Where a file for `path` is written before it is renamed to `path`: the hidden `.NAME.partial` beside it.
    static func partialSibling(of path: String) -> String {
        joined(directory(of: path), "." + name(of: path) + ".partial")
    }
}
