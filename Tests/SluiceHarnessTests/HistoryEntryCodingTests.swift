import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct HistoryEntryCodingTests {
    @Test(arguments: HistorySamples.documented.indices)
    func encodesTheDocumentedLine(index: Int) throws {
        let (entry, line) = HistorySamples.documented[index]
        #expect(String(decoding: try entry.jsonLine(), as: UTF8.self) == line + "\n")
        #expect(try HistoryEntry(jsonLine: Array(line.utf8)) == entry)
    }

    @Test func theDocumentationShowsEveryType() throws {
        let documented = Set(HistorySamples.documented.map(\.entry.event.type))
        #expect(documented == Set(HistoryEvent.EventType.allCases))
        let source = try String(contentsOfFile: #filePath.replacingOccurrences(
            of: "Tests/SluiceHarnessTests/HistoryEntryCodingTests.swift", with: "Harness/SluiceHarness/History/HistoryEvent.swift"
        ), encoding: .utf8)
        for (_, line) in HistorySamples.documented {
            #expect(source.contains("/// " + line), "HistoryEvent's documentation lacks \(line)")
        }
    }

    @Test(arguments: HistorySamples.variants.indices)
    func roundTripsEveryVariant(index: Int) throws {
        let entry = HistoryEntry(sequence: 42, time: -3, event: HistorySamples.variants[index])
        let line = try entry.jsonLine()
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")), "one entry, one line")
        #expect(try HistoryEntry(jsonLine: line.dropLast()) == entry)
    }

    @Test func leavesOutAbsentOptionalFields() throws {
        let line = String(decoding: try HistoryEntry(sequence: 1, time: 0, event: .processExited(.init(pid: 7))).jsonLine(), as: UTF8.self)
        #expect(line == #"{"pid":7,"seq":1,"t":0,"type":"processExited"}"# + "\n")
    }

    @Test func skipsFieldsItDoesNotKnow() throws {
        let entry = try HistoryEntry(jsonLine: Array(#"{"pid":7,"seq":1,"t":0,"type":"processExited","core":"dumped"}"#.utf8))
        #expect(entry.event == .processExited(.init(pid: 7)))
    }

    @Test(arguments: [
        (#"{"seq":1,"t":0,"type":"batchStarted","rows":3,"triggerTime":0}"#, "missing field 'batch'"),
        (#"{"seq":1,"t":0,"type":"coffeeBreak"}"#, "field 'type': unknown type 'coffeeBreak', expected one of produced, batchStarted"),
        (#"{"seq":1,"t":"soon","type":"processExited","pid":1}"#, "field 't' is not a valid Int64"),
        (#"{"t":0,"type":"processExited","pid":1}"#, "missing field 'seq'"),
        (#"{"seq":1,"t":0,"type":"faultInjected","pid":1,"point":"somewhere"}"#, "field 'point': unknown fault 'somewhere', expected one of random, after-offsets"),
        (#"{"seq":1,"t":0,"type":"latency","records":[1,2],"latencyMicroseconds":[5]}"#, "field 'latencyMicroseconds': 2 records but 1 latencies"),
        (#"{"seq":1,"t":0,"type":"sinkRows","batch":2}"#, "field 'rows': expected 'rows' or 'path'"),
        (#"{"seq":1,"t":0,"type":"sinkRows","batch":2,"rows":[{"a":[1]}]}"#, "field 'rows.[0].a': expected a string, number, boolean or null"),
        (#"{"seq":1,"t":0,"#, "not a JSON object"),
        ("", "not a JSON object"),
    ])
    func namesWhatIsWrongWithALine(line: String, problem: String) {
        let error = #expect(throws: HistoryLineProblem.self) { try HistoryEntry(jsonLine: Array(line.utf8)) }
        #expect(error?.description.hasPrefix(problem) == true, "\(error?.description ?? "no error")")
    }

    @Test func jsonNumbersCompareByValue() {
        #expect(JSONScalar.int(2) == .double(2))
        #expect(JSONScalar.double(2.5) != .int(2))
        #expect(Set<JSONScalar>([.int(2), .double(2), .double(2.5), .string("2")]).count == 3)
        #expect(JSONScalar.string("a").numericValue == nil && JSONScalar.int(3).numericValue == 3)
    }
}
