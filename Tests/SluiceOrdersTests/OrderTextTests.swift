import Testing
@testable import SluiceOrders

@Suite struct OrderTextTests {
    let lectureLine = "2016-03-22 20:25:28,1,80,EPE,710,51.0,B"
    let lectureOrder = Order(
        time: 1_458_678_328_000_000, orderId: 1, clientId: 80, symbol: "EPE", amount: 710, price: 51.0, isBuy: true
    )

    @Test func formatsTheLectureLine() {
        #expect(lectureOrder.line == lectureLine)
        var bytes: [UInt8] = []
        lectureOrder.appendLine(to: &bytes)
        #expect(bytes == Array((lectureLine + "\n").utf8))
    }

    @Test func parsesTheLectureLine() throws {
        #expect(try Order(line: lectureLine) == lectureOrder)
    }

    @Test(arguments: [
        (51.0, "51.0"), (51.25, "51.25"), (51.5, "51.5"), (0.05, "0.05"), (100.0, "100.0"),
        (1.1, "1.1"), (0.29, "0.29"), (-0.5, "-0.5"), (1234567.89, "1234567.89"),
    ])
    func printsPriceWithOneOrTwoDecimals(price: Double, text: String) throws {
        var order = lectureOrder
        order.price = price
        #expect(order.line == "2016-03-22 20:25:28,1,80,EPE,710,\(text),B")
        #expect(try Order(line: order.line) == order)
    }

    @Test func printsSellsNegativeNumbersAndTimesBeforeTheEpoch() throws {
        let order = Order(time: -1, orderId: -7, clientId: 0, symbol: "Z", amount: -3, price: 2, isBuy: false)
        #expect(order.line == "1969-12-31 23:59:59,-7,0,Z,-3,2.0,S")
    }

    @Test func roundsTimeDownToTheSecond() {
        var order = lectureOrder
        order.time += 999_999
        #expect(order.line == lectureLine)
    }

    @Test(arguments: [
        ("", nil, "empty line"),
        ("2016-03-22 20:25:28,1,80,EPE,710,51.0", nil, "expected 7 comma-separated fields, found 6"),
        ("2016-03-22 20:25:28,1,80,EPE,710,51.0,B,x", nil, "expected 7 comma-separated fields, found 8"),
        ("2016-03-22T20:25:28,1,80,EPE,710,51.0,B", "time", "'2016-03-22T20:25:28' is not a time of the form yyyy-MM-dd HH:mm:ss"),
        ("2016-02-30 20:25:28,1,80,EPE,710,51.0,B", "time", "'2016-02-30 20:25:28' is not a time of the form yyyy-MM-dd HH:mm:ss"),
        ("2016-03-22 20:25:28,one,80,EPE,710,51.0,B", "orderId", "'one' is not a whole number"),
        ("2016-03-22 20:25:28,1,,EPE,710,51.0,B", "clientId", "'' is not a whole number"),
        ("2016-03-22 20:25:28,1,80,,710,51.0,B", "symbol", "'' is not a non-empty UTF-8 symbol"),
        ("2016-03-22 20:25:28,1,80,EPE,N/A,51.0,B", "amount", "'N/A' is not a whole number"),
        ("2016-03-22 20:25:28,1,80,EPE,710,abc,B", "price", "'abc' is not a decimal"),
        ("2016-03-22 20:25:28,1,80,EPE,710,51.0,b", "buy", "'b' is not B or S"),
    ] as [(String, String?, String)])
    func refusesMalformedLinesNamingFieldAndProblem(line: String, fieldName: String?, problem: String) {
        #expect(throws: OrderLineError(fieldName: fieldName, problem: problem)) {
            try Order(line: line)
        }
    }

    @Test func refusesSymbolsThatAreNotUTF8() {
        let line = Array("2016-03-22 20:25:28,1,80,EPE".utf8) + [0xC9] + Array(",710,51.0,B".utf8)
        #expect(throws: OrderLineError(fieldName: "symbol", problem: "'EPE\u{FFFD}' is not a non-empty UTF-8 symbol")) {
            try Order(lineBytes: line.span)
        }
    }

    @Test func describesErrorsWithFieldFirstAndCutsLongTexts() {
        let error = OrderLineError(fieldName: "price", problem: "'abc' is not a decimal")
        #expect(error.description == "field 'price': 'abc' is not a decimal")
        let long = [UInt8](repeating: UInt8(ascii: "7"), count: 2_000_000)
        #expect(OrderLineError.quoted(long.span) == "'\(String(repeating: "7", count: 40))…' (2000000 bytes)")
    }
}
