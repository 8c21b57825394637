// The lock-free part of one producer's lane besides its rings: who may use the producer side now, whether
// the lane has ended, and the lane's counters.
//
// Lifecycle. One atomic word, `phase`, holds three bits:
//   inCall   — a producer call (send, or taking a recycled chunk) is under way;
//   finished — the producer said it will send no more (ProducerHandle.finish, or the handle's deinit);
//   closed   — the consumer closed the channel.
// A producer call starts with `compareExchange(expected: 0, desired: inCall, ordering: .acquiring)`. It
// succeeds only when no other call runs and the lane is neither finished nor closed; otherwise the value
// it found says why it was refused. The call ends with `bitwiseAnd(~inCall, .releasing)`, not with a store
// of 0, which would erase a `finished` or `closed` bit set meanwhile. `finish` and `close` set their bit
// with `bitwiseOr(.releasing)`.
//
// Which atomic operation pairs with which.
//   End of a producer call (.releasing) ↔ start of the next one (.acquiring): a producer handle moved to
//     another thread sees the ring's producer-side fields as the previous call left them.
//   End of a producer call, and `finish` (.releasing) ↔ the consumer's `phase.load(.acquiring)` in
//     `hasEnded`: once the consumer sees `finished` or `closed` with `inCall` clear, every push of the lane
//     is visible to it, so a ring it then finds empty stays empty: the lane is drained for good.
//   Every write to `phase` is a read-modify-write, so all of them fall in one order. A producer call that
//     starts before `close` keeps `inCall` set until it ends, and `hasEnded` waits for that; a call that
//     starts after `close` finds the `closed` bit and is refused. No chunk slips in after the consumer saw
//     the lane end.
//
// Counters. Each has one writer at a time: the producer for enqueued, dropped and waits (its calls are
// serialized by `inCall`), the consumer for dequeued (its calls are serialized by the channel's mutex).
// One writer adds with a load and a store, no read-modify-write. The producer counts a chunk as enqueued
// before the ring's `.releasing` store of tail that publishes it; the consumer counts it as dequeued with a
// `.releasing` store after the `.acquiring` load of tail that found it; `metrics()` loads the dequeued
// counters (.acquiring) before the enqueued ones, so a snapshot never shows more dequeued than enqueued.
// Dropped chunks and waits relate to nothing else and are `.relaxed` throughout. The counters share cache
// lines with `phase`; each side writes them once per chunk or per drain, never per row.
//
// `isClosed` and `isOpen` load `phase` with `.relaxed`: they are hints that order no other memory (see each).

import Synchronization

/// Why a producer call was refused.
@usableFromInline
enum ProducerCallRefusal: Sendable, Equatable {
    case channelClosed
    case producerFinished
    case producerInUse
}

/// The lifecycle bits and counters of one lane.
@usableFromInline
struct LaneState: ~Copyable, Sendable {
    @inlinable static var inCall: Int { 1 }
    @inlinable static var finished: Int { 2 }
    @inlinable static var closed: Int { 4 }

    @usableFromInline let phase = Atomic<Int>(0)
    @usableFromInline let chunksEnqueued = Atomic<Int>(0)
    @usableFromInline let rowsEnqueued = Atomic<Int>(0)
    @usableFromInline let chunksDropped = Atomic<Int>(0)
    @usableFromInline let rowsDropped = Atomic<Int>(0)
    @usableFromInline let waits = Atomic<Int>(0)
    @usableFromInline let chunksDequeued = Atomic<Int>(0)
    @usableFromInline let rowsDequeued = Atomic<Int>(0)

    // MARK: Lifecycle

    /// Producer: claims the producer side for one call, or says why it may not.
    @inlinable
    func startProducerCall() -> ProducerCallRefusal? {
        let (started, found) = phase.compareExchange(expected: 0, desired: Self.inCall, ordering: .acquiring)
        if started { return nil }
        if found & Self.closed != 0 { return .channelClosed }
        if found & Self.finished != 0 { return .producerFinished }
        return .producerInUse
    }

    /// Producer: releases the producer side at the end of a call that `startProducerCall` let in.
    @inlinable
    func endProducerCall() {
        phase.bitwiseAnd(~Self.inCall, ordering: .releasing)
    }

    /// Producer: records that no chunk will follow.
    func finish() {
        phase.bitwiseOr(Self.finished, ordering: .releasing)
    }

    /// Consumer: refuses every later producer call.
    func close() {
        phase.bitwiseOr(Self.closed, ordering: .releasing)
    }

    /// Producer, while waiting for room: whether the consumer closed the channel. A flag that orders no
    /// other memory, so `.relaxed`; the producer's next call start is what refuses it for certain.
    @inlinable
    var isClosed: Bool {
        phase.load(ordering: .relaxed) & Self.closed != 0
    }

    /// Consumer: whether the lane is neither finished nor closed, so that its producer may still take a
    /// recycled chunk. Only a hint (a chunk recycled into a lane that just finished is released with the
    /// lane), so `.relaxed`.
    @inlinable
    var isOpen: Bool {
        phase.load(ordering: .relaxed) & (Self.finished | Self.closed) == 0
    }

    /// Consumer: whether no chunk can be pushed any more: finished or closed, with no call under way.
    var hasEnded: Bool {
        let found = phase.load(ordering: .acquiring)
        return found & Self.inCall == 0 && found & (Self.finished | Self.closed) != 0
    }

    // MARK: Counters

    /// Producer, before the push that publishes the chunk.
    @inlinable
    func recordEnqueued(rows: Int) {
        chunksEnqueued.store(Self.value(of: chunksEnqueued, plus: 1), ordering: .relaxed)
        rowsEnqueued.store(Self.value(of: rowsEnqueued, plus: rows), ordering: .relaxed)
    }

    /// Producer: a chunk discarded because the ring was full.
    @inlinable
    func recordDropped(rows: Int) {
        chunksDropped.store(Self.value(of: chunksDropped, plus: 1), ordering: .relaxed)
        rowsDropped.store(Self.value(of: rowsDropped, plus: rows), ordering: .relaxed)
    }

    /// Producer: one send found the ring full and waited for room.
    @inlinable
    func recordWait() {
        waits.store(Self.value(of: waits, plus: 1), ordering: .relaxed)
    }

    /// Consumer, after the pops that took the chunks.
    @inlinable
    func recordDequeued(chunks: Int, rows: Int) {
        rowsDequeued.store(Self.value(of: rowsDequeued, plus: rows), ordering: .releasing)
        chunksDequeued.store(Self.value(of: chunksDequeued, plus: chunks), ordering: .releasing)
    }

    /// The counters now; dequeued never exceeds enqueued (see the ordering note above).
    func metrics() -> IngestMetrics {
        let chunksDequeued = chunksDequeued.load(ordering: .acquiring)
        let rowsDequeued = rowsDequeued.load(ordering: .acquiring)
        return IngestMetrics(
            chunksEnqueued: chunksEnqueued.load(ordering: .relaxed),
            rowsEnqueued: rowsEnqueued.load(ordering: .relaxed),
            chunksDequeued: chunksDequeued,
            rowsDequeued: rowsDequeued,
            chunksDropped: chunksDropped.load(ordering: .relaxed),
            rowsDropped: rowsDropped.load(ordering: .relaxed),
            waits: waits.load(ordering: .relaxed)
        )
    }

    /// The counter's value plus `amount`, for its only writer to store back.
    @inlinable
    static func value(of counter: borrowing Atomic<Int>, plus amount: Int) -> Int {
        counter.load(ordering: .relaxed) &+ amount
    }
}
