extension ValidityBitmap {
    /// The bits of rows `0 ..< count` packed from bit 0 of the first word, with the bits past `count`
    /// cleared: the layout a fresh builder makes, whatever this bitmap's offset into words it shares.
    var packedWords: ContiguousArray<UInt64> {
        let wordCount = (count + 63) / 64
        let first = bitOffset >> 6
        let shift = UInt64(bitOffset & 63)
        var packed = ContiguousArray<UInt64>(repeating: 0, count: wordCount)
        for index in 0 ..< wordCount {
            var word = words[first + index] >> shift
            if shift != 0, first + index + 1 < words.count { word |= words[first + index + 1] << (64 - shift) }
            packed[index] = word
        }
        if count & 63 != 0 { packed[wordCount - 1] &= (1 << UInt64(count & 63)) - 1 }
        return packed
    }

    /// A bitmap of `count` rows over words packed from bit 0, as `packedWords` returns them.
    init(packedWords: ContiguousArray<UInt64>, count: Int) {
        precondition(packedWords.count * 64 >= count, "ValidityBitmap: \(packedWords.count) words for \(count) rows")
        self.init(words: packedWords, bitOffset: 0, count: count)
    }
}
