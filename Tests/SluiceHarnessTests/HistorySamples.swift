import SluiceCore
@testable import SluiceHarness

/// One entry of every event type, each with the exact line it must encode to: the examples of
/// `HistoryEvent`'s documentation, so the documented shape is the tested one.
enum HistorySamples {
    static let documented: [(entry: HistoryEntry, line: String)] = [
        (
            HistoryEntry(sequence: 1, time: 100_012, event: .produced(.init(records: 1000, firstOrder: 1, lastOrder: 1000, scheduledStart: 0, scheduledEnd: 99900))),
            #"{"firstOrder":1,"lastOrder":1000,"records":1000,"scheduledEnd":99900,"scheduledStart":0,"seq":1,"t":100012,"type":"produced"}"#
        ),
        (
            HistoryEntry(sequence: 1, time: 100_012, event: .produced(.init(
                records: 1000, firstOrder: 1, lastOrder: 1000, scheduledStart: 0, scheduledEnd: 99900, file: "chunkaa",
                workload: .init(count: 500_000, seed: 20_160_322, malformedFraction: 0.001, lateFraction: 0.03)
            ))),
            #"{"file":"chunkaa","firstOrder":1,"lastOrder":1000,"records":1000,"scheduledEnd":99900,"scheduledStart":0,"seq":1,"t":100012,"type":"produced","workload":{"count":500000,"lateFraction":0.03,"malformedFraction":0.001,"seed":20160322}}"#
        ),
        (
            HistoryEntry(sequence: 1, time: 200_012, event: .produced(.init(
                records: 1000, firstOrder: 1001, lastOrder: 2000, scheduledStart: 100_000, scheduledEnd: 199_900, producer: "p1"
            ))),
            #"{"firstOrder":1001,"lastOrder":2000,"producer":"p1","records":1000,"scheduledEnd":199900,"scheduledStart":100000,"seq":1,"t":200012,"type":"produced"}"#
        ),
        (
            HistoryEntry(sequence: 2, time: 100_250, event: .batchStarted(.init(batch: BatchID(0), triggerTime: 100_000, rows: 1000))),
            #"{"batch":0,"rows":1000,"seq":2,"t":100250,"triggerTime":100000,"type":"batchStarted"}"#
        ),
        (
            HistoryEntry(sequence: 3, time: 100_300, event: .offsetsWritten(.init(batch: BatchID(0), ends: ["orders": #"{"file":3}"#]))),
            #"{"batch":0,"ends":{"orders":"{\"file\":3}"},"seq":3,"t":100300,"type":"offsetsWritten"}"#
        ),
        (
            HistoryEntry(sequence: 4, time: 104_600, event: .batchCommitted(.init(
                batch: BatchID(0), processingMicroseconds: 4100, schedulingDelayMicroseconds: 250, totalDelayMicroseconds: 4350,
                stateRows: 40, lateRowsDropped: 2, malformedLines: 1, sinkRows: 12
            ))),
            #"{"batch":0,"lateRowsDropped":2,"malformedLines":1,"processingMicroseconds":4100,"schedulingDelayMicroseconds":250,"seq":4,"sinkRows":12,"stateRows":40,"t":104600,"totalDelayMicroseconds":4350,"type":"batchCommitted"}"#
        ),
        (
            HistoryEntry(sequence: 5, time: 104_700, event: .sinkRows(.init(batch: BatchID(0), content: .rows([["buys": .int(510), "symbol": .string("EPE")]])))),
            #"{"batch":0,"rows":[{"buys":510,"symbol":"EPE"}],"seq":5,"t":104700,"type":"sinkRows"}"#
        ),
        (
            HistoryEntry(sequence: 5, time: 104_700, event: .sinkRows(.init(batch: BatchID(0), content: .path("sink/batch-0.jsonl")))),
            #"{"batch":0,"path":"sink/batch-0.jsonl","seq":5,"t":104700,"type":"sinkRows"}"#
        ),
        (
            HistoryEntry(sequence: 5, time: 104_700, event: .sinkRows(.init(
                batch: BatchID(0), content: .rows([["buy": .bool(true), "count": .int(510)]]), query: "count-buys"
            ))),
            #"{"batch":0,"query":"count-buys","rows":[{"buy":true,"count":510}],"seq":5,"t":104700,"type":"sinkRows"}"#
        ),
        (
            HistoryEntry(sequence: 6, time: 104_700, event: .latency(.init(batch: BatchID(0), records: [1, 1000], latencyMicroseconds: [104_700, 4800]))),
            #"{"batch":0,"latencyMicroseconds":[104700,4800],"records":[1,1000],"seq":6,"t":104700,"type":"latency"}"#
        ),
        (
            HistoryEntry(sequence: 7, time: 3_000_000, event: .faultInjected(.init(fault: .point(.afterState), batch: BatchID(3), pid: 4711))),
            #"{"batch":3,"pid":4711,"point":"after-state","seq":7,"t":3000000,"type":"faultInjected"}"#
        ),
        (
            HistoryEntry(sequence: 8, time: 3_000_400, event: .processExited(.init(pid: 4711, signal: 9))),
            #"{"pid":4711,"seq":8,"signal":9,"t":3000400,"type":"processExited"}"#
        ),
        (
            HistoryEntry(sequence: 9, time: 3_850_400, event: .restarted(.init(pid: 4790, downtimeMicroseconds: 850_000, firstBatchMicroseconds: 1_200_000))),
            #"{"downtimeMicroseconds":850000,"firstBatchMicroseconds":1200000,"pid":4790,"seq":9,"t":3850400,"type":"restarted"}"#
        ),
        (
            HistoryEntry(sequence: 10, time: 9_000_000, event: .checkResult(.init(checker: "exactly-once", verdict: .valid, batch: BatchID(12), detail: "orderId 1..12000"))),
            #"{"batch":12,"checker":"exactly-once","detail":"orderId 1..12000","seq":10,"t":9000000,"type":"checkResult","verdict":"valid"}"#
        ),
        (
            HistoryEntry(sequence: 11, time: 9_000_100, event: .checkResult(.init(
                checker: "exactly-once", verdict: .invalid, batch: BatchID(7),
                detail: "batch 7, key (buy=true): expected 1204, found 1216 (counted twice?)", counts: .init(duplicated: 12)
            ))),
            #"{"batch":7,"checker":"exactly-once","counts":{"duplicated":12,"lost":0,"recovered":0,"unexpected":0},"detail":"batch 7, key (buy=true): expected 1204, found 1216 (counted twice?)","seq":11,"t":9000100,"type":"checkResult","verdict":"invalid"}"#
        ),
    ]

    /// Events with the optional fields left out and the other variants of each payload.
    static let variants: [HistoryEvent] = [
        .latency(.init(batch: nil, records: [], latencyMicroseconds: [])),
        .faultInjected(.init(fault: .random, batch: nil, pid: 12)),
        .processExited(.init(pid: 12, status: 3)),
        .processExited(.init(pid: 12)),
        .restarted(.init(pid: 13, downtimeMicroseconds: 5, firstBatchMicroseconds: nil)),
        .checkResult(.init(checker: "prefix-integrity", verdict: .invalid, detail: "batch 4, key EPE: sink 3, reference 2")),
        .checkResult(.init(checker: "latency-objective", verdict: .unknown, detail: "")),
        .sinkRows(.init(batch: BatchID(9), content: .rows([
            ["text": .string("quote \" slash / newline \n é"), "ratio": .double(0.25), "flag": .bool(false), "missing": .null, "big": .int(.max)],
            [:],
        ]))),
        .offsetsWritten(.init(batch: BatchID(1), ends: [:])),
    ]
}
