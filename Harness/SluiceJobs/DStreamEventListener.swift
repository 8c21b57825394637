import SluiceCore
import Synchronization

/// Writes a DStream job's completed batches to the job's event log, timed by the wall clock (the job's
/// batch clock is a manual one).
final class DStreamEventListener: StreamingListener {
    private let log: JobEventLog
    private let started = Mutex<Int64>(0)

    init(log: JobEventLog) { self.log = log }

    func batchStarted(_ info: BatchInfo) {
        started.withLock { $0 = JobEventLog.now }
    }

    func batchCompleted(_ info: BatchInfo) {
        log.append(
            batch: info.batchID, startTime: started.withLock { $0 }, rows: info.records, stateRows: 0, lateRowsDropped: 0,
            malformedLines: info.malformedRecords
        )
    }
}
