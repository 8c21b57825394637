import Foundation
import SluiceOrders

/// How a job waiting for files paces its batches: one round of batches at every tick of the batch
/// interval, until the marker file appears; then one last round takes what was delivered before it.
struct JobPacing: Sendable {
    /// The marker's full path.
    let marker: String
    let interval: Duration

    /// Calls `round` at each tick until the marker exists, telling `log` each tick's time. A round that
    /// overruns its tick delays the next ones (they run at once), so the scheduling delay shows it.
    func run(log: JobEventLog?, round: () throws -> Void) throws {
        let start = JobEventLog.now
        let step = interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000
        var tick: Int64 = 0
        while true {
            let finished = FileManager.default.fileExists(atPath: marker)
            log?.triggerTime = start + tick * step
            try round()
            if finished { return }
            tick += 1
            let wait = start + tick * step - JobEventLog.now
            if wait > 0 { OrderSplitter.sleepOnCurrentThread(.microseconds(wait)) }
        }
    }
}
