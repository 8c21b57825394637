import Foundation
import SluiceOrders
import Synchronization

/// The open-loop replayer: writes the scheduled files of the seeded workload into the job's input
/// directory, each by an atomic rename when its last order is due, records a `produced` line per file,
/// and finally drops the marker that tells the job the input is complete.
///
/// The whole input is generated before the replay starts, so generating never delays a delivery.
final class Replayer: Sendable {
    /// The marker file's name: `_` keeps the job's directory source from reading it as orders.
    static let markerName = "_done"

    private let files: [ScheduledFile]
    private let contents: [[UInt8]]
    private let workload: HistoryEvent.Workload
    private let directory: String
    private let history: HistoryWriter
    private let cancelled = Atomic<Bool>(false)

    /// Generates the orders of `files` from `workload`; delivers them into `directory`.
    init(files: [ScheduledFile], workload: HistoryEvent.Workload, directory: String, history: HistoryWriter) {
        var generator = OrderGenerator(workload.generatorConfiguration)
        contents = files.map { file in
            var bytes: [UInt8] = []
            for _ in 0 ..< file.records { generator.next()?.appendText(to: &bytes) }
            return bytes
        }
        self.files = files
        self.workload = workload
        self.directory = directory
        self.history = history
    }

    /// Stops delivering after the file being written.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Delivers every file at its time, counted from `start`, then writes the marker.
    func run(from start: ContinuousClock.Instant) throws {
        let staging = "\(directory)/\(OrderSplitter.stagingDirectoryName)"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for (index, file) in files.enumerated() {
            guard !cancelled.load(ordering: .relaxed) else { return }
            let due = start + .microseconds(file.scheduledEnd)
            let wait = due - .now
            if wait > .zero { OrderSplitter.sleepOnCurrentThread(wait) }
            try deliver(contents[index], as: file.name, staging: staging)
            try history.append(.produced(HistoryEvent.Produced(
                records: file.records, firstOrder: file.firstOrder, lastOrder: file.lastOrder, scheduledStart: file.scheduledStart,
                scheduledEnd: file.scheduledEnd, file: file.name, workload: index == 0 ? workload : nil
            )))
        }
        try deliver([], as: Self.markerName, staging: staging)
    }

    private func deliver(_ bytes: [UInt8], as name: String, staging: String) throws {
        let staged = "\(staging)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: staged))
        guard rename(staged, "\(directory)/\(name)") == 0 else {
            throw RunError("cannot move \(staged) into \(directory): \(String(cString: strerror(errno)))")
        }
    }
}
