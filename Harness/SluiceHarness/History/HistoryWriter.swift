import Foundation
import SluiceCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends a run's events to its `history.jsonl`, one line each, numbering them and stamping their time.
///
/// Each line is handed to the kernel with `write(2)` as soon as it is appended (nothing is buffered in
/// the process), so a killed harness loses at most the line being written; the reader reports such a torn
/// last line and skips it. With ``Durability/fsyncEachLine`` each line is also on the storage device
/// before `append` returns. Safe to share between threads: lines are written in `seq` order.
public final class HistoryWriter: Sendable {
    /// How far a line has got when `append` returns.
    public enum Durability: Sendable {
        /// In the kernel's page cache: survives the process, not a machine crash.
        case writeEachLine
        /// On the storage device (`fsync` after every line).
        case fsyncEachLine
    }

    /// The history file.
    public let path: String
    private let durability: Durability
    private let start: ContinuousClock.Instant
    private let state: Mutex<State>

    private struct State {
        var file: FileHandle?
        var nextSequence: Int64 = 1
    }

    /// Creates the history file at `path`, which must not exist yet: a run's history is never replaced.
    /// Times of ``append(_:)`` count from `start`.
    public init(creatingAt path: String, durability: Durability = .writeEachLine, start: ContinuousClock.Instant = .now) throws(HistoryError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HistoryError(path: path, problem: "cannot create: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.durability = durability
        self.start = start
        state = Mutex(State(file: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)))
    }

    /// Appends `event`, timed now; returns the entry as written.
    @discardableResult
    public func append(_ event: HistoryEvent) throws(HistoryError) -> HistoryEntry {
        try append(at: { (ContinuousClock.now - start).microseconds }, event)
    }

    /// Appends `event` at `time` (µs since the run started), for events timed by someone else.
    @discardableResult
    public func append(_ event: HistoryEvent, at time: Int64) throws(HistoryError) -> HistoryEntry {
        try append(at: { time }, event)
    }

    /// Closes the file; appending afterwards is an error.
    public func close() throws(HistoryError) {
        let file = state.withLock { state in
            defer { state.file = nil }
            return state.file
        }
        do { try file?.close() } catch { throw HistoryError(path: path, problem: "cannot close: \(error)") }
    }

    private func append(at time: () -> Int64, _ event: HistoryEvent) throws(HistoryError) -> HistoryEntry {
        try state.withLock { state throws(HistoryError) in
            guard let file = state.file else { throw HistoryError(path: path, problem: "appended to after close") }
            let entry = HistoryEntry(sequence: state.nextSequence, time: time(), event: event)
            do {
                try file.write(contentsOf: try entry.jsonLine())
                if durability == .fsyncEachLine { try file.synchronize() }
            } catch {
                throw HistoryError(path: path, line: Int(entry.sequence), problem: "cannot append \(event.type.rawValue): \(error)")
            }
            state.nextSequence += 1
            return entry
        }
    }
}
