// A bounded, lock-free ring buffer for exactly one producer thread and one consumer thread.
//
// Algorithm. `tail` counts the elements ever pushed and `head` the elements ever popped; both only grow
// (with wrapping arithmetic, so `tail &- head` stays right even past `Int.max`). Element number `i` lives
// in slot `i & mask`. The slot array is rounded up to a power of two so that a mask replaces a division,
// but the ring admits exactly `capacity` elements: the capacity bounds memory, and a chunk of rows is big.
//
// Invariants.
//   0 <= tail &- head <= capacity <= slotCount.
//   The slots of indices head ..< tail hold initialized elements; every other slot is uninitialized.
//   Only the producer writes `tail` and `cachedHead`; only the consumer writes `head` and `cachedTail`.
//
// Which atomic operation pairs with which.
//   Producer: initialize slot `tail & mask`, then `tail.store(tail &+ 1, .releasing)`.
//     pairs with the consumer's `tail.load(.acquiring)`: a consumer that sees the new tail sees the element.
//   Consumer: move the element out of slot `head & mask`, then `head.store(head &+ 1, .releasing)`.
//     pairs with the producer's `head.load(.acquiring)`: a producer that sees the new head finds the slot
//     already emptied. That is why a slot is safe to reuse: the producer writes element `i` only once
//     `i &- head < capacity`, so the consumer has moved out every element up to `i - capacity`, among them
//     `i - slotCount`, the slot's previous occupant (capacity <= slotCount).
//   Each side loads its own index with `.relaxed`: it is that index's only writer.
//
// Cached indices. The producer keeps `cachedHead`, a copy of `head` that may be stale. `head` only grows,
// so a stale copy under-estimates the free space and never over-estimates it; the producer loads the real
// `head` (a line owned by the other core) only when its copy says the ring is full. The consumer keeps
// `cachedTail` the same way and loads `tail` only when its copy says the ring is empty.
//
// Layout. `tail` and `cachedHead` sit in one 128-byte block, `head` and `cachedTail` in another, both
// 128-byte aligned, so a write by one side never invalidates the line the other side writes (no false
// sharing); 128 rather than 64 because the adjacent-line prefetcher moves lines in pairs. The slot pointer,
// mask and capacity never change after `init` and live in the object itself, read-shared by both sides.
//
// Several threads may take turns on one side, provided something else orders the turns (a lock, or a
// release by the thread that ends its turn paired with an acquire by the next); the ring never checks.

import Synchronization

/// Bytes given to each side's indices: two 64-byte cache lines.
private let indexBlockSize = 128

/// The producer's block: the index it publishes and its copy of the consumer's.
@usableFromInline
struct ProducerIndices: ~Copyable {
    @usableFromInline let tail: Atomic<Int>
    @usableFromInline var cachedHead: Int
}

/// The consumer's block: the index it publishes and its copy of the producer's.
@usableFromInline
struct ConsumerIndices: ~Copyable {
    @usableFromInline let head: Atomic<Int>
    @usableFromInline var cachedTail: Int
}

/// A bounded lock-free queue between one producer thread and one consumer thread.
@usableFromInline
final class UnsafeSPSCRing<Element> {
    /// The most elements the ring holds at once.
    @usableFromInline let capacity: Int
    @usableFromInline let mask: Int
    @usableFromInline let slots: UnsafeMutablePointer<Element>
    private let indexBlocks: UnsafeMutableRawPointer
    @usableFromInline let producer: UnsafeMutablePointer<ProducerIndices>
    @usableFromInline let consumer: UnsafeMutablePointer<ConsumerIndices>

    /// The capacities a ring accepts.
    static var capacities: ClosedRange<Int> { 1...(1 << 32) }

    /// Creates an empty ring; `startingIndex` places the first element in any slot (tests use it to start
    /// near a wrap).
    init(capacity: Int, startingIndex: Int = 0) {
        precondition(
            Self.capacities.contains(capacity), "UnsafeSPSCRing: capacity \(capacity) is not in \(Self.capacities)"
        )
        let slotCount = 1 << (Int.bitWidth - (capacity - 1).leadingZeroBitCount)
        self.capacity = capacity
        self.mask = slotCount - 1
        self.slots = .allocate(capacity: slotCount)
        self.indexBlocks = .allocate(byteCount: 2 * indexBlockSize, alignment: indexBlockSize)
        self.producer = indexBlocks.bindMemory(to: ProducerIndices.self, capacity: 1)
        self.consumer = (indexBlocks + indexBlockSize).bindMemory(to: ConsumerIndices.self, capacity: 1)
        producer.initialize(to: ProducerIndices(tail: Atomic(startingIndex), cachedHead: startingIndex))
        consumer.initialize(to: ConsumerIndices(head: Atomic(startingIndex), cachedTail: startingIndex))
    }

    deinit {  // ARC orders this after every other use, so `.relaxed` loads see the final indices
        var index = consumer.pointee.head.load(ordering: .relaxed)
        let tail = producer.pointee.tail.load(ordering: .relaxed)
        while index != tail {
            (slots + (index & mask)).deinitialize(count: 1)
            index &+= 1
        }
        slots.deallocate()
        producer.deinitialize(count: 1)
        consumer.deinitialize(count: 1)
        indexBlocks.deallocate()
    }

    // MARK: Producer side

    /// Producer only: whether `push` has room now.
    @inlinable
    func hasFreeSlot() -> Bool {
        let tail = producer.pointee.tail.load(ordering: .relaxed)
        if tail &- producer.pointee.cachedHead < capacity { return true }
        producer.pointee.cachedHead = consumer.pointee.head.load(ordering: .acquiring)
        return tail &- producer.pointee.cachedHead < capacity
    }

    /// Producer only: appends `element`; the ring must have room (`hasFreeSlot()` returned true).
    @inlinable
    func push(_ element: consuming Element) {
        let tail = producer.pointee.tail.load(ordering: .relaxed)
        precondition(tail &- producer.pointee.cachedHead < capacity, "UnsafeSPSCRing: push into a full ring")
        (slots + (tail & mask)).initialize(to: element)
        producer.pointee.tail.store(tail &+ 1, ordering: .releasing)
    }

    // MARK: Consumer side

    /// Consumer only: removes and returns the oldest element, or nil when the ring is empty.
    @inlinable
    func pop() -> Element? {
        let head = consumer.pointee.head.load(ordering: .relaxed)
        if head == consumer.pointee.cachedTail {
            consumer.pointee.cachedTail = producer.pointee.tail.load(ordering: .acquiring)
            if head == consumer.pointee.cachedTail { return nil }
        }
        let element = (slots + (head & mask)).move()
        consumer.pointee.head.store(head &+ 1, ordering: .releasing)
        return element
    }

    /// Consumer only: moves every element published so far to the end of `elements`, oldest first,
    /// with one load of `tail` and one store of `head`; returns how many.
    @inlinable @discardableResult
    func popAll(into elements: inout [Element]) -> Int {
        let head = consumer.pointee.head.load(ordering: .relaxed)
        let tail = producer.pointee.tail.load(ordering: .acquiring)
        consumer.pointee.cachedTail = tail
        let count = tail &- head
        guard count > 0 else { return 0 }
        elements.reserveCapacity(elements.count + count)
        var index = head
        while index != tail {
            elements.append((slots + (index & mask)).move())
            index &+= 1
        }
        consumer.pointee.head.store(tail, ordering: .releasing)
        return count
    }

    /// Consumer only: calls `body` on every published element, oldest first, leaving them in the ring.
    func forEachPublished(_ body: (borrowing Element) -> Void) {
        var index = consumer.pointee.head.load(ordering: .relaxed)
        let tail = producer.pointee.tail.load(ordering: .acquiring)
        consumer.pointee.cachedTail = tail
        while index != tail {
            body((slots + (index & mask)).pointee)
            index &+= 1
        }
    }

    /// Consumer only: whether no published element is waiting.
    var isEmpty: Bool {
        let head = consumer.pointee.head.load(ordering: .relaxed)
        if head != consumer.pointee.cachedTail { return false }
        consumer.pointee.cachedTail = producer.pointee.tail.load(ordering: .acquiring)
        return head == consumer.pointee.cachedTail
    }
}

// The two sides touch disjoint slots and indices, ordered by the release and acquire pairs described above.
extension UnsafeSPSCRing: @unchecked Sendable where Element: Sendable {}
