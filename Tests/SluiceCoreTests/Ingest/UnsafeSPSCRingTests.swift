import Testing
@testable import SluiceCore

@Suite struct IngestRingTests {
    /// Capacities around powers of two: the ring holds exactly `capacity`, though its slots are rounded up.
    static let capacities = [1, 2, 3, 4, 5, 7, 8, 9]

    @Test(arguments: capacities)
    func holdsExactlyItsCapacity(capacity: Int) {
        let ring = UnsafeSPSCRing<Int>(capacity: capacity)
        var pushed = 0
        while ring.hasFreeSlot() {
            ring.push(pushed)
            pushed += 1
        }
        #expect(pushed == capacity)
        #expect(ring.pop() == 0)
        #expect(ring.hasFreeSlot())
    }

    /// Every start slot (and starts just before the indices wrap past `Int.max`) × every fill level.
    @Test(arguments: capacities)
    func wrapsAroundFromEveryStartAtEveryFillLevel(capacity: Int) {
        let slotCount = capacity.nextPowerOfTwo
        let starts = Array(0..<(2 * slotCount)) + ((-slotCount)..<slotCount).map { Int.max &+ 1 &+ $0 }
        for start in starts {
            for fill in 0...capacity {
                let layout: Comment = "start \(start), fill \(fill)"
                let ring = UnsafeSPSCRing<Int>(capacity: capacity, startingIndex: start)
                for value in 0..<fill { ring.push(value) }
                #expect(ring.hasFreeSlot() == (fill < capacity), layout)
                var published: [Int] = []
                ring.forEachPublished { published.append($0) }
                #expect(published == Array(0..<fill), layout)
                if fill > 0 {  // one pop and one push move the window one slot further
                    #expect(ring.pop() == 0, layout)
                    #expect(ring.hasFreeSlot(), layout)
                    ring.push(fill)
                }
                var drained: [Int] = []
                ring.popAll(into: &drained)
                #expect(drained == (fill == 0 ? [] : Array(1...fill)), layout)
                #expect(ring.isEmpty, layout)
                #expect(ring.pop() == nil, layout)
            }
        }
    }

    @Test func interleavesPushesAndPopsOverManyLaps() {
        let ring = UnsafeSPSCRing<Int>(capacity: 3)
        var next = 0
        var expected = 0
        for round in 0..<1_000 {
            for _ in 0...(round % 3) where ring.hasFreeSlot() {
                ring.push(next)
                next += 1
            }
            for _ in 0...((round + 1) % 3) {
                guard let value = ring.pop() else { break }
                #expect(value == expected)
                expected += 1
            }
        }
        var rest: [Int] = []
        ring.popAll(into: &rest)
        #expect(rest == Array(expected..<next))
    }

    @Test func releasesTheElementsLeftInItWhenItGoes() {
        let tracker = LifetimeTracker()
        do {
            let ring = UnsafeSPSCRing<Tracked>(capacity: 4, startingIndex: 3)
            for _ in 0..<4 { ring.push(Tracked(tracker)) }
            _ = ring.pop()
            #expect(tracker.live == 3)
        }
        #expect(tracker.live == 0)
    }
}

private final class LifetimeTracker {
    var live = 0
}

private final class Tracked {
    let tracker: LifetimeTracker
    init(_ tracker: LifetimeTracker) {
        self.tracker = tracker
        tracker.live += 1
    }
    deinit { tracker.live -= 1 }
}

extension Int {
    fileprivate var nextPowerOfTwo: Int { 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
