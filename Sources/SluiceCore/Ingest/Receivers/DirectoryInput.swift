import Foundation
import Synchronization

/// Watches a directory and, at each cut, reads the files that appeared since: Spark's `textFileStream`.
///
/// Only files that appear after `start()` are read (unless `includeExistingFiles`, as Structured
/// Streaming's file source does), each exactly once, in name order. Writers must move
/// finished files in by an atomic rename from the same file system, as the lecture's splitter does;
/// hidden and in-progress names (starting with `.` or `_`, ending in `.tmp` or `._COPYING_`) are never
/// read, so a file still being written under such a name is never read half-way. A file that vanishes
/// before it is read, or cannot be read, is reported by name and skipped; the job goes on.
public final class DirectoryInput: BatchInput {
    public let directory: String
    public let decoder: any RecordDecoder
    /// At most this many new files per cut (Structured Streaming's `maxFilesPerTrigger`); nil for all.
    public let maximumFilesPerCut: Int?
    /// Whether files present at `start()` are read too.
    public let includeExistingFiles: Bool
    private let state = Mutex(State())

    private struct State {
        var seen: Set<String> = []
        var pending: [String] = []
    }

    public init(directory: String, decoder: any RecordDecoder, maximumFilesPerCut: Int? = nil, includeExistingFiles: Bool = false) {
        precondition(maximumFilesPerCut.map { $0 > 0 } ?? true, "DirectoryInput: maximumFilesPerCut must be positive")
        self.directory = directory
        self.decoder = decoder
        self.maximumFilesPerCut = maximumFilesPerCut
        self.includeExistingFiles = includeExistingFiles
    }

    public var name: String { "directory \(directory)" }
    public var schema: Schema { decoder.schema }

    /// Records the files already present, which are never read unless `includeExistingFiles`; throws
    /// an `InputProblem` naming the directory if there is none.
    public func start() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputProblem(source: directory, message: "no such directory")
        }
        let existing = try listing(excluding: [])
        if !includeExistingFiles { state.withLock { $0.seen = Set(existing) } }
    }

    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        var slice = InputSlice()
        let files: [String]
        do {
            files = try takeNewFiles()
        } catch {
            slice.problems.append(InputProblem(source: directory, message: "cannot list the directory: \(error)"))
            return slice
        }
        for file in files { read(file, into: &slice) }
        return slice
    }

    public var hasPendingData: Bool {
        if state.withLock({ !$0.pending.isEmpty }) { return true }
        let seen = state.withLock { $0.seen }
        return !((try? listing(excluding: seen)) ?? []).isEmpty
    }

    public func stop() {}

    /// The names a cut should read now, oldest name first, at most `maximumFilesPerCut`.
    private func takeNewFiles() throws -> [String] {
        let fresh = try listing(excluding: state.withLock { $0.seen })
        return state.withLock { state in
            state.seen.formUnion(fresh)
            state.pending.append(contentsOf: fresh)
            let count = min(state.pending.count, maximumFilesPerCut ?? state.pending.count)
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
    }

    private func read(_ name: String, into slice: inout InputSlice) {
        let path = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else {
            slice.problems.append(InputProblem(source: path, message: "file vanished before it was read; skipped"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            slice.problems.append(InputProblem(source: path, message: "file cannot be read (permissions or I/O error); skipped"))
            return
        }
        if data.isEmpty {
            slice.problems.append(InputProblem(source: path, message: "empty file; no records"))
            return
        }
        let decoded = decoder.decode([UInt8](data), source: path, firstLine: 1)
        slice.chunks.append(decoded.batch)
        slice.malformedRecords += decoded.malformed
        slice.problems.append(contentsOf: decoded.samples)
    }

    /// The names in the directory that may be data files, sorted: regular files and links, plus names
    /// that vanish while being looked at (so that the vanishing is reported, not silently skipped).
    /// Only names not in `seen` are looked at, so a cut costs one `stat` per new file, not per file.
    private func listing(excluding seen: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { name in
                !seen.contains(name)
                    && !(name.hasPrefix(".") || name.hasPrefix("_") || name.hasSuffix(".tmp") || name.hasSuffix("._COPYING_"))
            }
            .filter { name in
                let path = (directory as NSString).appendingPathComponent(name)
                let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
                return type == nil || type == .typeRegular || type == .typeSymbolicLink
            }
            .sorted()
    }
}
