/// The file source's own log, a `MetadataLog` in `<checkpoint>/sources/<i>/` with one file per cut
/// that read files, named by the cut's `DirectoryOffset.index`:
///
/// ```
/// sources/0/0     {"complete":true,"files":["present-at-first-start.csv"]}    only without includeExistingFiles
/// sources/0/11    {"complete":false,"files":["orders-0011.csv"]}
/// sources/0/20    {"complete":true,"files":["orders-0001.csv", …, "orders-0020.csv", …]}
/// ```
///
/// An entry is written once its batch is committed (`commit(through:)`, off the batch's critical
/// path). Every `compactionInterval`-th entry is complete: it lists every file read through it, and the
/// entries before it are deleted, so a restart reads at most `compactionInterval` files. The files read
/// by a cut that is not logged yet are named in its offset, which the driver's offsets log holds.
struct DirectoryFilesLog {
    struct Entry: Codable, Sendable {
        var files: [String]
        /// Whether `files` are all the files read through this entry, not only those of its cut.
        var complete: Bool
    }

    /// One entry in this many is complete.
    static let compactionInterval = 10

    let log: MetadataLog<Entry>
    /// Every file the log names.
    private(set) var read: Set<String> = []
    /// The index of the newest entry; nil when the log is empty.
    private(set) var lastIndex: Int64?
    /// The index of the newest complete entry, which covers every cut up to it; nil when there is none.
    private(set) var completeIndex: Int64?
    /// The indices of the entries read at `init` and written since.
    private(set) var indices: Set<Int64> = []
    /// Entries written after the newest complete one.
    private var entriesSinceCompaction = 0

    /// Opens the log in `directory` (created on the first write) and reads the newest complete entry
    /// and those after it; throws naming a damaged file.
    init(directory: String) throws(CheckpointError) {
        log = MetadataLog(directory: directory)
        log.removeTemporaryFiles()
        let batches = log.batches()
        for batch in batches.reversed() {
            guard let entry = try log.get(batch) else { continue }
            read.formUnion(entry.files)
            indices.insert(batch.rawValue)
            if entry.complete {
                completeIndex = batch.rawValue
                break
            }
            entriesSinceCompaction += 1
        }
        lastIndex = batches.last?.rawValue
    }

    /// Whether the log has no entry at all.
    var isEmpty: Bool { lastIndex == nil }

    /// The first cut after the newest complete entry, up to `last`, that neither this log nor
    /// `offsets` (cuts named by the driver's offsets log) covers; nil when every cut is known. Each cut
    /// that read files has the next index, an entry is written once its batch committed and the
    /// offsets of a batch are purged only after that, so a gap means a file of the log (or of the
    /// offsets log) was lost, and the files that cut read would be read again.
    func firstUncoveredCut(through last: Int64, offsets: Set<Int64>) -> Int64? {
        let first = (completeIndex ?? 0) + 1
        guard first <= last else { return nil }
        return (first ... last).first { !indices.contains($0) && !offsets.contains($0) }
    }

    /// Logs the files present at the first start that are never to be read, as the complete entry 0.
    mutating func writeBase(files: [String]) throws(CheckpointError) {
        guard isEmpty else { return }
        try log.add(Entry(files: files, complete: true), for: BatchID(0))
        read.formUnion(files)
        lastIndex = 0
        completeIndex = 0
        indices = [0]
        entriesSinceCompaction = 0
    }

    /// Logs the files of the cut that ended at `offset`, unless an entry at or after its index exists;
    /// compacts when this entry is the `compactionInterval`-th.
    mutating func append(_ offset: DirectoryOffset) throws(CheckpointError) {
        if let lastIndex, offset.index <= lastIndex { return }
        let union = read.union(offset.files)
        let compacting = entriesSinceCompaction + 1 >= Self.compactionInterval
        let entry = compacting ? Entry(files: union.sorted(), complete: true) : Entry(files: offset.files, complete: false)
        try log.add(entry, for: BatchID(offset.index))
        read = union
        lastIndex = offset.index
        indices.insert(offset.index)
        if compacting {
            log.purge(before: BatchID(offset.index))
            completeIndex = offset.index
            indices = [offset.index]
            entriesSinceCompaction = 0
        } else {
            entriesSinceCompaction += 1
        }
    }
}
