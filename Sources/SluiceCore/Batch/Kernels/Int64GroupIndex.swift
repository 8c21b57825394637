/// Gives each distinct `Int64` key a dense group number (0, 1, 2, … in order of first appearance),
/// across any number of batches: the heart of a hash aggregation on integer keys.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full; the keys live in
/// one contiguous array indexed by group number, so per-group state can be plain arrays too.
public struct Int64GroupIndex: Sendable {
    /// The key of each group, by group number.
    public private(set) var keys: ContiguousArray<Int64> = []
    /// Slot `i` holds `group + 1`, or 0 when empty.
    private var slots = ContiguousArray<Int32>(repeating: 0, count: 64)

    public init() {}

    /// The number of groups.
    public var count: Int { keys.count }

    /// The group of `key`, adding a group if the key is new.
    @inline(__always)
    public mutating func group(of key: Int64) -> Int32 {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: HashMixing.mix(UInt64(bitPattern: key))) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if keys[Int(stored &- 1)] == key { return stored &- 1 }
            slot = (slot &+ 1) & mask
        }
        let group = Int32(keys.count)
        keys.append(key)
        slots[slot] = group &+ 1
        if keys.count &* 2 > slots.count { grow() }
        return group
    }

    /// The group of `key` if it has one.
    public func existingGroup(of key: Int64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: HashMixing.mix(UInt64(bitPattern: key))) & mask
        while slots[slot] != 0 {
            if keys[Int(slots[slot] - 1)] == key { return slots[slot] - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The group of each row's key, written to `groups` (resized to the column's length).
    /// Null keys must be handled by the caller (SQL puts them in a group of their own).
    public mutating func assignGroups(_ keys: ColumnBuffer<Int64>, into groups: inout ContiguousArray<Int32>) {
        groups.removeAll(keepingCapacity: true)
        groups.reserveCapacity(keys.count)
        keys.withSpan { keys in
            for row in keys.indices { groups.append(group(of: keys[row])) }
        }
    }

    private mutating func grow() {
        var grown = ContiguousArray<Int32>(repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (group, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: HashMixing.mix(UInt64(bitPattern: key))) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(group + 1)
        }
        slots = grown
    }
}
