/// Something that happened during a run, as one line of `history.jsonl` records it.
///
/// Faults are events in the same history as the workload, as in Jepsen, so the checkers and the
/// reporter read one ordered account of the run. Each case carries a payload whose fields are written
/// into the line's JSON object next to `seq`, `t` and `type` (see ``HistoryEntry``). Times are whole
/// microseconds since the run started; durations are whole microseconds. Optional fields are left out
/// when absent. The shapes, one example per type (keys are written in sorted order):
///
/// ```
/// {"firstOrder":1,"lastOrder":1000,"records":1000,"scheduledEnd":99900,"scheduledStart":0,"seq":1,"t":100012,"type":"produced"}
/// {"file":"chunkaa","firstOrder":1,"lastOrder":1000,"records":1000,"scheduledEnd":99900,"scheduledStart":0,"seq":1,"t":100012,"type":"produced","workload":{"count":500000,"lateFraction":0.03,"malformedFraction":0.001,"seed":20160322}}
/// {"firstOrder":1001,"lastOrder":2000,"producer":"p1","records":1000,"scheduledEnd":199900,"scheduledStart":100000,"seq":1,"t":200012,"type":"produced"}
/// {"batch":0,"rows":1000,"seq":2,"t":100250,"triggerTime":100000,"type":"batchStarted"}
/// {"batch":0,"ends":{"orders":"{\"file\":3}"},"seq":3,"t":100300,"type":"offsetsWritten"}
/// {"batch":0,"lateRowsDropped":2,"malformedLines":1,"processingMicroseconds":4100,"schedulingDelayMicroseconds":250,"seq":4,"sinkRows":12,"stateRows":40,"t":104600,"totalDelayMicroseconds":4350,"type":"batchCommitted"}
/// {"batch":0,"rows":[{"buys":510,"symbol":"EPE"}],"seq":5,"t":104700,"type":"sinkRows"}
/// {"batch":0,"path":"sink/batch-0.jsonl","seq":5,"t":104700,"type":"sinkRows"}
/// {"batch":0,"query":"count-buys","rows":[{"buy":true,"count":510}],"seq":5,"t":104700,"type":"sinkRows"}
/// {"batch":0,"latencyMicroseconds":[104700,4800],"records":[1,1000],"seq":6,"t":104700,"type":"latency"}
/// {"batch":3,"pid":4711,"point":"after-state","seq":7,"t":3000000,"type":"faultInjected"}
/// {"pid":4711,"seq":8,"signal":9,"t":3000400,"type":"processExited"}
/// {"downtimeMicroseconds":850000,"firstBatchMicroseconds":1200000,"pid":4790,"seq":9,"t":3850400,"type":"restarted"}
/// {"batch":12,"checker":"exactly-once","detail":"orderId 1..12000","seq":10,"t":9000000,"type":"checkResult","verdict":"valid"}
/// {"batch":7,"checker":"exactly-once","counts":{"duplicated":12,"lost":0,"recovered":0,"unexpected":0},"detail":"batch 7, key (buy=true): expected 1204, found 1216 (counted twice?)","seq":11,"t":9000100,"type":"checkResult","verdict":"invalid"}
/// ```
public enum HistoryEvent: Sendable, Equatable {
    /// The replayer offered records to the job.
    case produced(Produced)
    /// The job started a batch.
    case batchStarted(BatchStarted)
    /// The job made a batch's offsets durable (`offsets/N`).
    case offsetsWritten(OffsetsWritten)
    /// The job committed a batch (`commits/N`), with its metrics.
    case batchCommitted(BatchCommitted)
    /// What a batch wrote to the sink.
    case sinkRows(SinkRows)
    /// End-to-end latencies of records seen in the sink.
    case latency(LatencySamples)
    /// The nemesis killed the job.
    case faultInjected(FaultInjected)
    /// The job's process ended, killed or on its own.
    case processExited(ProcessExited)
    /// The nemesis started the job again on its checkpoint.
    case restarted(Restarted)
    /// A checker's verdict.
    case checkResult(CheckResult)

    /// The value of the line's `type` field.
    public var type: EventType {
        switch self {
        case .produced: .produced
        case .batchStarted: .batchStarted
        case .offsetsWritten: .offsetsWritten
        case .batchCommitted: .batchCommitted
        case .sinkRows: .sinkRows
        case .latency: .latency
        case .faultInjected: .faultInjected
        case .processExited: .processExited
        case .restarted: .restarted
        case .checkResult: .checkResult
        }
    }

    /// The names a line's `type` field takes.
    public enum EventType: String, Sendable, Codable, CaseIterable {
        case produced, batchStarted, offsetsWritten, batchCommitted, sinkRows, latency
        case faultInjected, processExited, restarted, checkResult
    }
}
