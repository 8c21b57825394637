import Testing
@testable import SluiceCore

@Suite struct TextLineDecoderTests {
    func values(_ decoded: DecodedRecords) -> [String] {
        decoded.batch.rows.map { $0[0].description }
    }

    @Test func splitsOnNewlinesDroppingCarriageReturns() {
        let decoded = TextLineDecoder().decode(Array("a b\r\n\nlast".utf8), source: "t", firstLine: 1)
        #expect(values(decoded) == ["a b", "", "last"])
        #expect(decoded.lines == 3 && decoded.malformed == 0)
    }

    @Test func emptyInputHasNoLines() {
        let decoded = TextLineDecoder().decode([], source: "t", firstLine: 1)
        #expect(decoded.lines == 0 && decoded.batch.rowCount == 0)
    }

    @Test func skipsAndNamesLinesThatAreTooLongOrNotUTF8() {
        var bytes = Array("ok\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 20) + Array("\n".utf8)
        bytes += [0x66, 0xC3, 0x28, 0x0A] + Array("fine".utf8)
        let decoded = TextLineDecoder(maximumLineBytes: 16).decode(bytes, source: "words.txt", firstLine: 41)
        #expect(values(decoded) == ["ok", "fine"])
        #expect(decoded.malformed == 2 && decoded.lines == 4)
        #expect(decoded.samples.map(\.source) == ["words.txt", "words.txt"])
        #expect(decoded.samples.map(\.line) == [42, 43])
        #expect(decoded.samples[0].message == "line of 20 bytes is longer than the 16-byte limit")
        #expect(decoded.samples[1].message.hasPrefix("not valid UTF-8"))
        #expect(decoded.samples[1].message.hasSuffix("at byte 1)"))
    }

    @Test func findsTheEndOfTheLastCompleteLine() {
        #expect(LineSplitter.endOfLastCompleteLine(in: Array("ab\ncd".utf8)) == 3)
        #expect(LineSplitter.endOfLastCompleteLine(in: Array("abcd".utf8)) == 0)
    }
}
