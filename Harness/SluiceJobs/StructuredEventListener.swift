import SluiceStructured

/// Writes a Structured query's progress, batch by batch, to the job's event log.
final class StructuredEventListener: StreamingQueryListener {
    private let log: JobEventLog

    init(log: JobEventLog) { self.log = log }

    func queryProgress(_ progress: StreamingQueryProgress) {
        let took = (progress.durationMs["triggerExecution"] ?? 0) * 1000
        log.append(
            batch: progress.batchId, startTime: JobEventLog.now - took, rows: progress.numInputRows,
            stateRows: progress.stateOperator?.numRowsTotal ?? 0, lateRowsDropped: progress.stateOperator?.numRowsDroppedByWatermark ?? 0,
            malformedLines: 0
        )
    }
}
