/// The in-process producer source as a `ReplayableInput`: nothing of its own is written to the
/// checkpoint, since a batch's offset is its per-producer row ranges.
extension SequencedChannelInput: ReplayableInput {
    /// Positions each producer named in `offset` after the rows it names (so `resumeSequence(for:)`
    /// answers them and rows sent again below them are dropped), starts keeping taken chunks for
    /// replay, and releases the producers waiting in `awaitResumeSequence`. `history` and `log` are not
    /// needed; throws if `offset` is not a `SequencedOffset`.
    public func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws {
        let after = try offset.map { try SequencedOffset($0, input: name) } ?? SequencedOffset()
        state.withLock { state in
            state.producers = after.ends.mapValues(ProducerRetention.init(end:))
            state.isKeeping = true
            state.isPositioned = true
        }
        positioned.notify()
    }

    /// For each producer in name order, its rows numbered `start[p] ..< end[p]`, in the chunks the cut
    /// took them in (sliced if the range does not fall on a cut's bounds).
    ///
    /// Rows not yet taken, from the resumed position on (after a restart, the batch that ran but was
    /// not committed), are waited for: the replay drains the channel as producers send them again,
    /// takes them so that the next cut starts right after `end`, and keeps the rows received beyond
    /// `end` for that cut. Throws naming each producer still short when `replayTimeout` passes or the
    /// input stops first; throws at once naming the producer and the range if some rows can never
    /// come: no longer kept (committed, or taken before a restart), never taken by an input not
    /// resumed, or skipped by their producer.
    public func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice {
        let first = try start.map { try SequencedOffset($0, input: name) } ?? SequencedOffset()
        let last = try SequencedOffset(end, input: name)
        var ranges: [ProducerRange] = []
        for producer in Set(first.ends.keys).union(last.ends.keys).sorted() {
            let (lower, upper) = (first[producer], last[producer])
            guard lower <= upper else {
                throw ReplayError(input: name, message: "producer '\(producer)': replay from row \(lower) back to row \(upper)")
            }
            if lower < upper { ranges.append(ProducerRange(producer: producer, rows: lower ..< upper)) }
        }
        var shortfalls: [ResendShortfall] = []
        let chunks = try arrivals.wait(until: .now.advanced(by: replayTimeout)) { () throws(ReplayError) -> [RecordBatch]? in
            try state.withLock { state throws(ReplayError) -> [RecordBatch]? in
                state.receive(channel.drainAll())
                switch try state.replay(ranges, input: name) {
                case .done(let chunks): return chunks
                case .waiting(let missing):
                    guard !state.isStopped else {
                        throw ReplayError(input: name, message: Self.describe(missing, "the input stopped while waiting"))
                    }
                    shortfalls = missing
                    return nil
                }
            }
        }
        guard let chunks else {
            throw ReplayError(input: name, message: Self.describe(shortfalls, "waited \(Self.seconds(replayTimeout)) s"))
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

    /// Each short producer's missing rows, after `waited` ("waited 30 s").
    private static func describe(_ shortfalls: [ResendShortfall], _ waited: String) -> String {
        shortfalls.map { shortfall in
            let rows = "\(shortfall.rows.lowerBound)..<\(shortfall.rows.upperBound)"
            let got = shortfall.received > shortfall.rows.lowerBound ? "got up to \(shortfall.received)" : "got none of them"
            return "producer '\(shortfall.producer)': \(waited) for rows \(rows) to be sent again after the restart; \(got)"
        }.joined(separator: "; ")
    }

    /// `duration` in seconds, without a fraction when it is whole.
    private static func seconds(_ duration: Duration) -> String {
        let microseconds = duration.microseconds
        return microseconds % 1_000_000 == 0 ? "\(microseconds / 1_000_000)" : "\(Double(microseconds) / 1_000_000)"
    }
}
