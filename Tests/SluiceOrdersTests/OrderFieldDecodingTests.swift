import Testing
@testable import SluiceOrders

@Suite struct OrderFieldDecodingTests {
    func wholeNumber(_ text: String) -> Int64? { OrderFieldDecoding.wholeNumber(Array(text.utf8).span) }
    func decimal(_ text: String) -> Double? { OrderFieldDecoding.decimal(Array(text.utf8).span) }
    func side(_ text: String) -> Bool? { OrderFieldDecoding.side(Array(text.utf8).span) }
    func isSymbol(_ bytes: [UInt8]) -> Bool { OrderFieldDecoding.isSymbol(bytes.span) }

    @Test func decodesWholeNumbersAcrossTheInt64Range() {
        #expect(wholeNumber("0") == 0)
        #expect(wholeNumber("007") == 7)
        #expect(wholeNumber("-42") == -42)
        #expect(wholeNumber("9223372036854775807") == Int64.max)
        #expect(wholeNumber("-9223372036854775808") == Int64.min)
    }

    @Test(arguments: ["", "-", "+1", " 1", "1 ", "1.0", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e3"])
    func refusesOtherWholeNumberTexts(text: String) {
        #expect(wholeNumber(text) == nil)
    }

    @Test func decodesEveryCentPriceExactly() {
        for cents in 0...10_100 {
            let whole = cents / 100
            let fraction = cents % 100
            let text = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
            #expect(decimal(text) == Double(text), "\(text)")
        }
    }

    @Test(arguments: ["51", "-51.25", "0.1", "123456789012345", "1.23456789012345", "3.14159265358979323846", "-3.14159265358979323846", "12345678901234567890.5", "-0.0"])
    func decodesDecimalsAsTheNearestDouble(text: String) {
        #expect(decimal(text) == Double(text))
    }

    @Test(arguments: ["", ".5", "-.5", "5.", "-", "--1", "1.2.3", "1-2", "$51.0", "5e1", "inf", "nan", "+1", "1,5", " 1"])
    func refusesOtherDecimalTexts(text: String) {
        #expect(decimal(text) == nil)
    }

    @Test func decodesSidesAndSymbols() {
        #expect(side("B") == true)
        #expect(side("S") == false)
        #expect(side("BS") == nil)
        #expect(side("") == nil)
        #expect(isSymbol(Array("NFLX".utf8)))
        #expect(isSymbol(Array("Müller".utf8)))
        #expect(!isSymbol([]))
        #expect(!isSymbol([0x41, 0xFF]))
        #expect(!isSymbol([0x45, 0x50, 0x45, 0xC9]))
    }
}
