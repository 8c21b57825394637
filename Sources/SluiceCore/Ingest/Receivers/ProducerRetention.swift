/// What a `SequencedChannelInput` knows of one producer on the driver's side: which of its rows have
/// arrived, how far the cuts (or a replay) have taken them, and the rows taken but not yet committed,
/// kept for replay.
///
/// Invariant: `keptFrom <= end <= received`. `kept` holds taken rows in increasing, non-overlapping
/// number order, all in `keptFrom ..< end`, and every row in that range that ever arrived is in it.
/// `pending` holds the rows that arrived but are not taken yet, likewise, all in `end ..< received`;
/// `skipped` holds the numbers in that range that never arrived.
struct ProducerRetention {
    /// Rows numbered below this have been taken, by a cut or a replay of this run or, after a resume,
    /// of an earlier run.
    private(set) var end: Int64
    /// Rows numbered below this are not kept: committed, or taken before a restart.
    private(set) var keptFrom: Int64
    /// Taken chunks not yet committed.
    private(set) var kept: [SequencedChunk] = []
    /// Rows numbered below this have arrived (or were taken before a restart).
    private(set) var received: Int64
    /// Chunks that arrived and are not taken yet: a replay waiting for rows drains the channel too.
    private(set) var pending: [SequencedChunk] = []
    /// Numbers among the pending rows that the producer went past without sending them.
    private(set) var skipped: [Range<Int64>] = []

    /// A producer whose rows below `end` were taken before.
    init(end: Int64) {
        self.end = end
        self.keptFrom = end
        self.received = end
    }

    /// Accepts `chunk` as the channel gives it: its rows below `received` arrived before and are
    /// dropped, the rest waits in `pending`; numbers it jumps over are noted in `skipped`.
    mutating func receive(_ chunk: SequencedChunk) {
        guard let fresh = chunk.restricted(to: received ..< Int64.max) else { return }
        if fresh.firstSequence > received { skipped.append(received ..< fresh.firstSequence) }
        received = fresh.endSequence
        pending.append(fresh)
    }

    /// Takes the pending rows numbered below `sequence` (at most `received`), kept if `keeping`, and
    /// returns them with the skipped numbers below `sequence`; the rows from `sequence` on stay pending.
    mutating func take(below sequence: Int64, keeping: Bool) -> (taken: [SequencedChunk], skipped: [Range<Int64>]) {
        precondition(sequence <= received, "producer rows up to \(sequence) taken, only up to \(received) arrived")
        guard sequence > end else { return ([], []) }
        let (below, after) = (end ..< sequence, sequence ..< Int64.max)
        let taken = pending.compactMap { $0.restricted(to: below) }
        pending = pending.compactMap { $0.restricted(to: after) }
        let missed = skipped.map { $0.clamped(to: below) }.filter { !$0.isEmpty }
        skipped = skipped.map { $0.clamped(to: after) }.filter { !$0.isEmpty }
        end = sequence
        if keeping { kept.append(contentsOf: taken) } else { keptFrom = end }
        return (taken, missed)
    }

    /// Takes every pending row, as `take(below:keeping:)` does up to `received`.
    mutating func takeAllPending(keeping: Bool) -> (taken: [SequencedChunk], skipped: [Range<Int64>]) {
        take(below: received, keeping: keeping)
    }

    /// The first numbers in `range` that the producer skipped among the pending rows, if any.
    func skipped(in range: Range<Int64>) -> Range<Int64>? {
        skipped.lazy.map { $0.clamped(to: range) }.first { !$0.isEmpty }
    }

    /// The kept rows numbered in `range`, as the chunks they were taken in, sliced at its bounds; nil
    /// when part of `range` is no longer kept or not yet taken.
    func rows(_ range: Range<Int64>) -> [RecordBatch]? {
        guard range.lowerBound >= keptFrom, range.upperBound <= end else { return nil }
        return kept.compactMap { $0.restricted(to: range)?.batch }
    }

    /// Forgets the kept chunks whose rows are all numbered below `sequence`.
    mutating func commit(through sequence: Int64) {
        let count = kept.prefix { $0.endSequence <= sequence }.count
        guard count > 0 else { return }
        keptFrom = max(keptFrom, kept[count - 1].endSequence)
        kept.removeFirst(count)
    }

    /// What is kept, for errors.
    var keptDescription: String {
        guard keptFrom < end else { return "none kept, \(end) rows taken" }
        return "kept rows \(keptFrom)..<\(end)"
    }
}
