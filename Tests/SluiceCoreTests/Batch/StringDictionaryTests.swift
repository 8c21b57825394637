import Testing
@testable import SluiceCore

@Suite struct StringDictionaryTests {
    @Test func deduplicatesAcrossTableGrowth() {
        var builder = StringDictionaryBuilder()
        let words = (0 ..< 1000).map { "w\($0 % 300)" }
        let codes = words.map { builder.intern($0) }
        let dictionary = builder.finish()
        #expect(dictionary.count == 300)
        #expect(codes.map { dictionary.string(at: $0) } == words)
        #expect(dictionary.code(of: "w299") == codes[299])
        #expect(dictionary.code(of: "absent") == nil)
    }

    @Test func plainEncodingKeepsEveryString() {
        let dictionary = StringDictionary(["a", "a", ""])
        #expect(dictionary.strings == ["a", "a", ""])
    }

    @Test func hashesDependOnBytesNotCodes() {
        let first = StringColumn(["x", "y"])
        let second = StringColumn(["y", "x"])
        let firstHashes = RowHashes.compute([.string(first)])
        let secondHashes = RowHashes.compute([.string(second)])
        #expect(firstHashes[0] == secondHashes[1] && firstHashes[1] == secondHashes[0])
        #expect(firstHashes[0] != firstHashes[1])
    }

    @Test func repairsInvalidUTF8WhenMaterialized() {
        var builder = StringColumnBuilder()
        let bytes: [UInt8] = [0x61, 0xFF, 0x62]
        builder.append(utf8: bytes.span)
        #expect(builder.finish().string(at: 0) == "a\u{FFFD}b")
    }
}
