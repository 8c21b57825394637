/// What a `SequencedChannelInput` knows of one producer on the driver's side: how far the cuts have
/// taken its rows, and the rows taken but not yet committed, kept for replay.
///
/// Invariant: `kept` holds taken rows in increasing, non-overlapping number order, all in
/// `keptFrom ..< end`; every row in that range that ever arrived is in `kept`.
struct ProducerRetention {
    /// Rows numbered below this have been taken, by a cut of this run or, after a resume, of an earlier run.
    private(set) var end: Int64
    /// Rows numbered below this are not kept: committed, or taken before a restart.
    private(set) var keptFrom: Int64
    /// Taken chunks not yet committed.
    private(set) var kept: [SequencedChunk] = []

    /// A producer whose rows below `end` were taken before.
    init(end: Int64) {
        self.end = end
        self.keptFrom = end
    }

    /// Takes `chunk` as it arrives: its rows below `end` were taken already and are dropped; the rest
    /// (kept if `keeping`) is returned, with the numbers that never arrived if it starts after `end`.
    mutating func take(_ chunk: SequencedChunk, keeping: Bool) -> (fresh: SequencedChunk?, missing: Range<Int64>?) {
        guard let fresh = chunk.restricted(to: end ..< Int64.max) else { return (nil, nil) }
        let missing = fresh.firstSequence > end ? end ..< fresh.firstSequence : nil
        end = fresh.endSequence
        if keeping { kept.append(fresh) } else { keptFrom = end }
        return (fresh, missing)
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
}
