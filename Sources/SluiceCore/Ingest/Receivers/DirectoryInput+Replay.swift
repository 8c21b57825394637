/// The file source as a `ReplayableInput`.
///
/// What has been read is the union of three sets, so that no batch waits for a durable write of its
/// own: the files log (`DirectoryFilesLog`, written by `commit(through:)`), the files named by the
/// offsets in `history` (durable in the driver's offsets log, not logged here yet), and `after`'s.
/// After `resume`, files in that union are never read again and every other file in the directory is
/// read, those present at `start()` included, unless the checkpoint is fresh and
/// `includeExistingFiles` is false: then the files present are logged (entry 0) and never read.
extension DirectoryInput: ReplayableInput {
    /// Loads what was read from `log` and the offsets, and makes the next cut read only other files;
    /// throws naming a damaged log file, a cut that neither the log nor the offsets cover (its files
    /// would be read twice), or an offset that is not a `DirectoryOffset`.
    public func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws {
        let after = try offset.map { try DirectoryOffset($0, input: name) }
        let known = try history.map { try DirectoryOffset($0, input: name) } + (after.map { [$0] } ?? [])
        let filesLog = try DirectoryFilesLog(directory: log)
        var seen = filesLog.read
        for offset in known { seen.formUnion(offset.files) }
        let logged = filesLog.lastIndex ?? -1
        var unlogged: [Int64: DirectoryOffset] = [:]
        for offset in known where offset.index > logged { unlogged[offset.index] = offset }
        let end = known.max { $0.index < $1.index } ?? DirectoryOffset(files: [], index: max(logged, 0))
        if let lost = filesLog.firstUncoveredCut(through: max(logged, end.index), offsets: Set(known.map(\.index))) {
            throw CheckpointError.corrupt(path: filesLog.log.path(of: BatchID(lost)), reason: "missing: the files read by cut \(lost) are named "
                + "neither in this files log nor in the checkpoint's offsets, so they would be read again; restore the file, or use a new "
                + "checkpoint location to start over")
        }
        let isResumed = !(known.isEmpty && filesLog.isEmpty)
        self.filesLog.withLock { $0 = filesLog }
        state.withLock { state in
            state.seen = seen
            state.pending = []
            state.end = end
            state.isResumed = isResumed
            state.isLogging = true
            state.unlogged = unlogged.values.sorted { $0.index < $1.index }
        }
    }

    /// Reads again exactly the files `end` names, in its order, one chunk per file; `start` only tells
    /// an empty batch (same index) apart. Throws naming the file if one of them no longer exists or
    /// cannot be read: its rows are gone, so exactly-once cannot be kept.
    public func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice {
        let last = try DirectoryOffset(end, input: name)
        let first = try start.map { try DirectoryOffset($0, input: name) } ?? .nothing
        guard first.index <= last.index else {
            throw ReplayError(input: name, message: "replay from index \(first.index) to the earlier index \(last.index)")
        }
        remember(last)
        var slice = InputSlice(end: end)
        guard first.index < last.index else { return slice }
        for file in last.files {
            switch contents(of: file) {
            case .records(let decoded):
                slice.append(decoded)
            case .empty:
                slice.problems.append(InputProblem(source: path(of: file), message: "empty file; no records"))
            case .vanished:
                throw ReplayError(input: name, message: "cannot replay cut \(last.index): \(path(of: file)) no longer exists, "
                    + "so its rows cannot be read again and exactly-once cannot be kept")
            case .unreadable:
                throw ReplayError(input: name, message: "cannot replay cut \(last.index): \(path(of: file)) cannot be read "
                    + "(permissions or I/O error)")
            }
        }
        return slice
    }

    /// Writes the files of every cut up to `offset` to the files log (compacting every tenth entry);
    /// nothing to do before `resume` named a log. Throws naming the log file that could not be written;
    /// the cuts stay pending, and the next commit writes them.
    public func commit(through offset: SourceOffset) throws {
        let through = try DirectoryOffset(offset, input: name)
        try filesLog.withLock { log throws(CheckpointError) in
            guard log != nil else { return }
            let due = state.withLock { $0.unlogged.prefix { $0.index <= through.index } }
            for cut in due {
                try log?.append(cut)
                state.withLock { state in
                    if state.unlogged.first?.index == cut.index { state.unlogged.removeFirst() }
                }
            }
        }
    }

    /// Counts the files of a replayed cut as read, and moves the position after it if it was not yet.
    private func remember(_ offset: DirectoryOffset) {
        state.withLock { state in
            state.seen.formUnion(offset.files)
            guard offset.index > state.end.index else { return }
            state.end = offset
            if state.isLogging { state.unlogged.append(offset) }
        }
    }
}
