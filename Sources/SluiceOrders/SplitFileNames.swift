/// The names GNU `split` gives its pieces, so that they sort in the order they were made.
///
/// After the prefix come two letters `aa` … `yz` (650 names), then `zaaa` … `zyzz` (16,900), then
/// `zzaaaa` …: each time the names starting with `a`–`y` run out, one more `z` and one more letter.
/// This is coreutils' default, widening suffix (`split -l 10000 orders.txt chunk`).
enum SplitFileNames {
    /// The suffix of the piece at `index` (from 0): `aa` for 0, `ab` for 1, `zaaa` for 650.
    static func suffix(index: Int) -> String {
        precondition(index >= 0, "split file index \(index) is negative")
        var remaining = index
        var zPrefixLength = 0
        var letterCount = 2
        var namesAtThisWidth = 25 * 26
        while remaining >= namesAtThisWidth {
            remaining -= namesAtThisWidth
            zPrefixLength += 1
            letterCount += 1
            namesAtThisWidth *= 26
        }
        var letters: [UInt8] = []
        for _ in 0..<letterCount {
            letters.append(UInt8(ascii: "a") + UInt8(remaining % 26))
            remaining /= 26
        }
        return String(repeating: "z", count: zPrefixLength) + String(decoding: letters.reversed(), as: UTF8.self)
    }
}
