import Testing
@testable import SluiceOrders

@Suite struct OrderFieldDecodingTests {
    func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func decodesWholeNumbersAcrossTheInt64Range() {
        #expect(OrderFieldDecoding.wholeNumber(bytes("0")) == 0)
        #expect(OrderFieldDecoding.wholeNumber(bytes("007")) == 7)
        #expect(OrderFieldDecoding.wholeNumber(bytes("-42")) == -42)
        #expect(OrderFieldDecoding.wholeNumber(bytes("9223372036854775807")) == Int64.max)
        #expect(OrderFieldDecoding.wholeNumber(bytes("-9223372036854775808")) == Int64.min)
    }

    @Test(arguments: ["", "-", "+1", " 1", "1 ", "1.0", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e3"])
    func refusesOtherWholeNumberTexts(text: String) {
        #expect(OrderFieldDecoding.wholeNumber(bytes(text)) == nil)
    }

    @Test func decodesEveryCentPriceExactly() {
        for cents in 0...10_100 {
            let whole = cents / 100
            let fraction = cents % 100
            let text = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
            #expect(OrderFieldDecoding.decimal(bytes(text)) == Double(text), "\(text)")
        }
    }

    @Test(arguments: ["51", "-51.25", "0.1", "123456789012345", "1.23456789012345", "3.14159265358979323846", "12345678901234567890.5"])
    func decodesDecimalsAsTheNearestDouble(text: String) {
        #expect(OrderFieldDecoding.decimal(bytes(text)) == Double(text))
    }

    @Test(arguments: ["", ".5", "5.", "-", "1.2.3", "$51.0", "5e1", "inf", "nan", "+1", "1,5", " 1"])
    func refusesOtherDecimalTexts(text: String) {
        #expect(OrderFieldDecoding.decimal(bytes(text)) == nil)
    }

    @Test func decodesSidesAndSymbols() {
        #expect(OrderFieldDecoding.side(bytes("B")) == true)
        #expect(OrderFieldDecoding.side(bytes("S")) == false)
        #expect(OrderFieldDecoding.side(bytes("BS")) == nil)
        #expect(OrderFieldDecoding.side(bytes("")) == nil)
        #expect(OrderFieldDecoding.symbol(bytes("NFLX")) == "NFLX")
        #expect(OrderFieldDecoding.symbol(bytes("")) == nil)
        #expect(OrderFieldDecoding.symbol([0x41, 0xFF][...]) == nil)
    }
}
