import Foundation
import Synchronization

// Counts and times every `fsync` of this process, by what it made durable and by thread, so that the
// checkpoint figures can say how many durable writes a batch waits for and how long the disk took.
//
// How: this executable defines the C symbol `fsync`. The engine's modules are linked statically into
// it, so their calls (`DurableFile.write`) bind to this definition, which classifies the call and
// forwards to the C library's `fsync` (found with `dlsym(RTLD_NEXT, …)`). A durable write is one fsync
// of the file and one of its directory; the directory's is charged to the write the same thread made
// just before. Classifying costs a `readlink` and an `fstat`, a few microseconds against the fsync's
// milliseconds.

/// What a durable write made durable, from the path of the file fsynced.
enum DurableWriteKind: String, CaseIterable, Sendable {
    case offsets, stateDelta = "state delta", snapshot, commits, sourceLog = "source log", metadata, other

    init(path: String) {
        if path.contains("/offsets/") { self = .offsets }
        else if path.contains("/state/") { self = path.contains(".snapshot") ? .snapshot : .stateDelta }
        else if path.contains("/commits/") { self = .commits }
        else if path.contains("/sources/") { self = .sourceLog }
        else if path.hasSuffix("/metadata") || path.contains("/metadata.") { self = .metadata }
        else { self = .other }
    }
}

/// The tally of the fsyncs since the last `reset()`.
struct FsyncCounts: Sendable {
    /// Durable writes (fsyncs of a file, not of a directory) per kind.
    var writes: [DurableWriteKind: Int] = [:]
    /// Those made on the batch thread (the thread that called `FsyncTally.reset(batchThread:)`).
    var writesOnBatchThread: [DurableWriteKind: Int] = [:]
    /// Nanoseconds spent in fsync (file and directory) per kind.
    var nanoseconds: [DurableWriteKind: Int64] = [:]

    func milliseconds(_ kinds: DurableWriteKind...) -> Double {
        Double(kinds.reduce(0) { $0 + (nanoseconds[$1] ?? 0) }) / 1e6
    }
}

enum FsyncTally {
    private struct State {
        var counts = FsyncCounts()
        var batchThread: pthread_t?
        var lastKind: [pthread_t: DurableWriteKind] = [:]
    }

    private static let state = Mutex(State())

    /// Starts a new tally; fsyncs made on the calling thread count as the batch thread's.
    static func reset() {
        let thread = pthread_self()
        state.withLock { $0 = State(batchThread: thread) }
    }

    static var counts: FsyncCounts { state.withLock { $0.counts } }

    /// Whether the engine's fsyncs reach `interposedFsync` (false if the linker bound them elsewhere).
    static var isCounting: Bool { state.withLock { !$0.counts.writes.isEmpty } }

    fileprivate static func record(descriptor: Int32, nanoseconds: Int64) {
        var status = stat()
        let isDirectory = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        let path = isDirectory ? nil : self.path(of: descriptor)
        let thread = pthread_self()
        state.withLock { state in
            let kind: DurableWriteKind
            if let path {
                kind = DurableWriteKind(path: path)
                state.lastKind[thread] = kind
                state.counts.writes[kind, default: 0] += 1
                if let batchThread = state.batchThread, pthread_equal(batchThread, thread) != 0 {
                    state.counts.writesOnBatchThread[kind, default: 0] += 1
                }
            } else {
                kind = state.lastKind[thread] ?? .other
            }
            state.counts.nanoseconds[kind, default: 0] += nanoseconds
        }
    }

    private static func path(of descriptor: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard length > 0 else { return "" }
        return String(decoding: buffer[0 ..< length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

private typealias FsyncFunction = @convention(c) (Int32) -> Int32

/// The C library's `fsync`, the next definition after this executable's.
nonisolated(unsafe) private let libraryFsync: FsyncFunction = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "fsync") else { // RTLD_NEXT
        fatalError("sluice-engine-benchmarks: the C library's fsync was not found")
    }
    return unsafeBitCast(symbol, to: FsyncFunction.self)
}()

@_cdecl("fsync")
func interposedFsync(_ descriptor: Int32) -> Int32 {
    let start = ContinuousClock.now
    let result = libraryFsync(descriptor)
    let elapsed = (ContinuousClock.now - start).components
    FsyncTally.record(descriptor: descriptor, nanoseconds: elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
    return result
}
