/// How `IngestChannel.waitForRows(atLeast:timeout:clock:)` ended; each case carries the rows then waiting.
public enum IngestWaitResult: Sendable, Hashable {
    /// At least the requested rows are published and not yet taken.
    case rowsAvailable(Int)
    /// Every producer finished, or the channel is closed, so no more rows can arrive; fewer than requested
    /// are waiting.
    case finished(rowsAvailable: Int)
    /// The deadline passed first.
    case deadlineReached(rowsAvailable: Int)
}

extension IngestChannel {
    /// Waits until at least `rows` rows are published and not yet taken, until no more rows can arrive, or
    /// until `timeout` has passed on `clock`, whichever comes first; it takes nothing from the channel.
    ///
    /// Between checks it spins, then yields, then sleeps for growing intervals of at most a millisecond.
    public func waitForRows<C: Clock>(
        atLeast rows: Int, timeout: C.Duration, clock: C = ContinuousClock()
    ) -> IngestWaitResult {
        let deadline = clock.now.advanced(by: timeout)
        var backoff = Backoff()
        while true {
            let (available, ended) = state.withLock { state in
                let ended = state.allLanesEnded  // first: then the count below includes every row ever sent
                return (state.lanes.reduce(0) { $0 + $1.rowsWaiting }, ended)
            }
            if available >= rows { return .rowsAvailable(available) }
            if ended { return .finished(rowsAvailable: available) }
            if clock.now >= deadline { return .deadlineReached(rowsAvailable: available) }
            backoff.pause()
        }
    }
}
