import SluiceTesting
import Testing
@testable import SluiceCore

@Suite struct ScalarTextTests {
    func int64(_ text: String) -> Int64? { ScalarText.int64(Array(text.utf8).span) }
    func double(_ text: String) -> Double? { ScalarText.double(Array(text.utf8).span) }
    func bool(_ text: String) -> Bool? { ScalarText.bool(Array(text.utf8).span) }

    @Test func integers() {
        #expect(int64("0") == 0 && int64("+42") == 42 && int64("-42") == -42)
        #expect(int64("9223372036854775807") == .max && int64("-9223372036854775808") == .min)
        #expect(int64("0009223372036854775807") == .max)
        for bad in ["", "-", "+", "1.0", "1e3", " 1", "1 ", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "0x10"] {
            #expect(int64(bad) == nil, "\(bad)")
        }
    }

    @Test func doublesMatchTheStandardLibrary() {
        let texts = ["0", "-0", "1", "2.5", "-1e3", "1E-5", "1.", ".5", "-.5", "+3.25", "123456789012345678", "0.1", "0.3",
                     "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308", "1e23", "9007199254740993",
                     "0.000000000000000000000000001", "123.456e-7", "1e400", "1e-400", "3.14159265358979323846264338327950288"]
        for text in texts {
            #expect(double(text) == Double(text), "\(text)")
        }
        #expect(double("-0")?.sign == .minus)
        #expect(double("NaN")?.isNaN == true)
        #expect(double("Inf") == .infinity && double("+Infinity") == .infinity && double("-Inf") == -.infinity)
        for bad in ["", ".", "-", "e5", "1e", "1e+", "1.5.3", "1,5", " 1", "nan", "-NaN", "inf", "0x1p3", "1_000", "Infinit"] {
            #expect(double(bad) == nil, "\(bad)")
        }
    }

    @Test func doublesOfSeededRandomBitsRoundTripThroughTheirDescription() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0 ..< 20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            #expect(double(value.description) == value, "\(value)")
        }
    }

    @Test func booleansInAnyCase() {
        #expect(bool("true") == true && bool("TRUE") == true && bool("False") == false)
        #expect(bool("yes") == nil && bool("1") == nil && bool("") == nil && bool("truex") == nil)
    }
}
