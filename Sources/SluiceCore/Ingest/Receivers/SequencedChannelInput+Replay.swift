/// The in-process producer source as a `ReplayableInput`: nothing of its own is written to the
/// checkpoint, since a batch's offset is its per-producer row ranges.
extension SequencedChannelInput: ReplayableInput {
    /// Positions each producer named in `offset` after the rows it names (so `resumeSequence(for:)`
    /// answers them and rows sent again below them are dropped), and starts keeping taken chunks for
    /// replay. `history` and `log` are not needed; throws if `offset` is not a `SequencedOffset`.
    public func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws {
        let after = try offset.map { try SequencedOffset($0, input: name) } ?? SequencedOffset()
        state.withLock { state in
            state.producers = after.ends.mapValues(ProducerRetention.init(end:))
            state.isKeeping = true
        }
    }

    /// For each producer in name order, its kept rows numbered `start[p] ..< end[p]`, in the chunks the
    /// cut took them in (sliced if the range does not fall on a cut's bounds); throws naming the
    /// producer and the range if some of those rows are no longer kept (committed, or taken by a run
    /// before a restart) or were never taken.
    public func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice {
        let first = try start.map { try SequencedOffset($0, input: name) } ?? SequencedOffset()
        let last = try SequencedOffset(end, input: name)
        let producers = Set(first.ends.keys).union(last.ends.keys).sorted()
        let chunks = try state.withLock { state throws(ReplayError) -> [RecordBatch] in
            var chunks: [RecordBatch] = []
            for producer in producers {
                let (lower, upper) = (first[producer], last[producer])
                guard lower <= upper else {
                    throw ReplayError(input: name, message: "producer '\(producer)': replay from row \(lower) back to row \(upper)")
                }
                guard lower < upper else { continue }
                guard let rows = state.producers[producer]?.rows(lower ..< upper) else {
                    throw ReplayError(input: name, message: "producer '\(producer)': rows \(lower)..<\(upper) are not kept "
                        + "(\(Self.describeKept(state.producers[producer]))); they were committed, taken before a restart, or never taken")
                }
                chunks.append(contentsOf: rows)
            }
            return chunks
        }
        return InputSlice(chunks: chunks, end: end)
    }

    /// Forgets the kept chunks whose rows are all at or below `offset`'s end for their producer.
    public func commit(through offset: SourceOffset) throws {
        let through = try SequencedOffset(offset, input: name)
        state.withLock { state in
            for (producer, sequence) in through.ends { state.producers[producer]?.commit(through: sequence) }
        }
    }

    private static func describeKept(_ retention: ProducerRetention?) -> String {
        guard let retention else { return "the producer is unknown" }
        guard retention.keptFrom < retention.end else { return "none kept, \(retention.end) rows taken" }
        return "kept rows \(retention.keptFrom)..<\(retention.end)"
    }
}
