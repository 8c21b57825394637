import Foundation
import Synchronization

/// Empty temporary files created ahead of time, per directory, so that the durable writes on a batch's
/// critical path (`offsets/N`, the state delta) need not create one: creating a file can cost up to a
/// millisecond where many files were recently deleted (ext4's inode allocator skips those inodes one by
/// one), while opening an existing one costs microseconds.
///
/// The checkpoint's background writer calls `refill()` after each batch; a writer calls `take(in:)` and
/// hands the path to `DurableFile.write(_:to:prepared:)`, which creates its own file when it gets nil.
/// The files carry `DurableFile.temporarySuffix`, so a crash leaves only files the checkpoint's start-up
/// cleanup removes (and counts); `removeAll()` deletes the unused ones when the checkpoint closes.
public final class PreparedTemporaryFiles: Sendable {
    /// How many files each directory keeps ready: one per batch is used, and one more covers a batch
    /// that starts before the previous batch's refill ran.
    public let depth: Int
    private let state = Mutex(State())

    private struct State {
        var directories: [String] = []
        var ready: [String: [String]] = [:]
        var isClosed = false
    }

    public init(depth: Int = 2) {
        precondition(depth >= 1, "PreparedTemporaryFiles: depth must be at least 1")
        self.depth = depth
    }

    /// Adds `directory` to those `refill()` keeps files ready in.
    public func serve(_ directory: String) {
        state.withLock { state in
            if !state.directories.contains(directory) { state.directories.append(directory) }
        }
    }

    /// A prepared file in `directory`, no longer handed to anyone else; nil when none is ready.
    public func take(in directory: String) -> String? {
        state.withLock { $0.ready[directory]?.popLast() }
    }

    /// How many files are ready in `directory`.
    public func readyCount(in directory: String) -> Int {
        state.withLock { $0.ready[directory]?.count ?? 0 }
    }

    /// Creates files until every served directory has `depth` ready, creating missing directories.
    /// Best effort: a file that cannot be created is simply not ready, and the write creates its own.
    /// Meant for one thread at a time (the background writer).
    public func refill() {
        let missing = state.withLock { state in
            state.isClosed ? [] : state.directories.map { ($0, depth - (state.ready[$0]?.count ?? 0)) }.filter { $0.1 > 0 }
        }
        for (directory, count) in missing {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let created = (0 ..< count).compactMap { _ in DurableFile.createEmptyTemporary(in: directory) }
            let unwanted = state.withLock { state -> [String] in
                guard !state.isClosed else { return created }
                state.ready[directory, default: []].append(contentsOf: created)
                return []
            }
            for path in unwanted { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Deletes the files not taken and stops preparing more; returns how many it deleted.
    @discardableResult
    public func removeAll() -> Int {
        let unused = state.withLock { state -> [String] in
            state.isClosed = true
            defer { state.ready = [:] }
            return state.ready.values.flatMap { $0 }
        }
        return unused.count { (try? FileManager.default.removeItem(atPath: $0)) != nil }
    }
}
