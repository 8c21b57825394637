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
///
/// The input is replayable (`DirectoryInput+Replay.swift`): each cut's `end` names the files it read
/// (`DirectoryOffset`), and a checkpointed job that restarts reads every file not read before, once.
public final class DirectoryInput: BatchInput {
    public let directory: String
    public let decoder: any RecordDecoder
    /// At most this many new files per cut (Structured Streaming's `maxFilesPerTrigger`); nil for all.
    public let maximumFilesPerCut: Int?
    /// Whether files present at `start()` are read too. It matters at the first start only: after a
    /// restart from a checkpoint with history, every file neither read nor left unread by that first
    /// start is read, those that arrived while the job was down included.
    public let includeExistingFiles: Bool
    let state = Mutex(State())
    /// The files log in the checkpoint, once `resume` named it; only `resume` and `commit` take it.
    let filesLog = Mutex<DirectoryFilesLog?>(nil)

    struct State {
        /// Every name listed so far (read, skipped or pending); a name is never listed twice.
        var seen: Set<String> = []
        /// Listed names not yet read, oldest name first.
        var pending: [String] = []
        /// Where the latest cut (or the resumed position) ended.
        var end = DirectoryOffset.nothing
        /// Whether `resume` found history, so that `start()` treats no file as existing.
        var isResumed = false
        /// Whether cuts are kept in `unlogged` until committed: only when there is a files log.
        var isLogging = false
        /// Cuts that read files but are not in the files log yet, oldest first.
        var unlogged: [DirectoryOffset] = []
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

    /// Records the files already present, which are never read unless `includeExistingFiles` (or a
    /// resumed checkpoint has history); throws an `InputProblem` naming the directory if there is none,
    /// or a `CheckpointError` if the files log cannot record the files left unread.
    public func start() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputProblem(source: directory, message: "no such directory")
        }
        let existing = try listing(excluding: [])
        guard !includeExistingFiles, !state.withLock({ $0.isResumed }) else { return }
        try filesLog.withLock { log throws(CheckpointError) in try log?.writeBase(files: existing) }
        state.withLock { $0.seen.formUnion(existing) }
    }

    /// Reads the new files, oldest name first; `end` names those read (a cut that reads none keeps the
    /// previous offset).
    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        var slice = InputSlice()
        var read: [String] = []
        do {
            for file in try takeNewFiles() where deliver(file, into: &slice) { read.append(file) }
        } catch {
            slice.problems.append(InputProblem(source: directory, message: "cannot list the directory: \(error)"))
        }
        slice.end = state.withLock { state in
            if !read.isEmpty {
                state.end = DirectoryOffset(files: read, index: state.end.index + 1)
                if state.isLogging { state.unlogged.append(state.end) }
            }
            return state.end
        }.sourceOffset
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

    /// Adds file `name`'s rows (or why it has none) to `slice`; returns whether the file was read,
    /// false when it vanished or could not be read and was skipped.
    private func deliver(_ name: String, into slice: inout InputSlice) -> Bool {
        let path = path(of: name)
        switch contents(of: name) {
        case .records(let decoded):
            slice.append(decoded)
            return true
        case .empty:
            slice.problems.append(InputProblem(source: path, message: "empty file; no records"))
            return true
        case .vanished:
            slice.problems.append(InputProblem(source: path, message: "file vanished before it was read; skipped"))
        case .unreadable:
            slice.problems.append(InputProblem(source: path, message: "file cannot be read (permissions or I/O error); skipped"))
        }
        return false
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
                let path = path(of: name)
                let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
                return type == nil || type == .typeRegular || type == .typeSymbolicLink
            }
            .sorted()
    }
}
