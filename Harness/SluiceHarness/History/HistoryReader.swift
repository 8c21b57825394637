import Foundation

/// Reads a `history.jsonl` line by line, without loading the whole file.
///
/// Every line must be a complete entry whose `seq` is greater than the one before; anything else is a
/// ``HistoryError`` naming the file and the line. The one exception is the last line when it has no
/// newline: a writer killed mid-line leaves it, and an entry counts only once its newline is written.
/// The reader skips it and reports it in ``tornLastLine``.
public final class HistoryReader {
    /// The history file.
    public let path: String
    /// The unterminated last line, once the reader has reached the end and found one.
    public private(set) var tornLastLine: TornLine?

    private let file: FileHandle
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var reachedEnd = false
    private var lineNumber = 0
    private var lastSequence: Int64?

    /// A last line without its newline, skipped.
    public struct TornLine: Sendable, Equatable, CustomStringConvertible {
        public let path: String
        /// Its line number, from 1.
        public let line: Int
        /// Its length in bytes.
        public let byteCount: Int

        public var description: String {
            "\(path) line \(line): torn last line (\(byteCount) bytes, no newline) skipped; the writer was stopped mid-line"
        }
    }

    /// Opens the history at `path` for reading.
    public init(path: String) throws(HistoryError) {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw HistoryError(path: path, problem: "cannot open for reading")
        }
        self.path = path
        self.file = file
    }

    deinit { try? file.close() }

    /// The next entry, or nil at the end of the file.
    public func next() throws(HistoryError) -> HistoryEntry? {
        guard let line = try nextLine() else { return nil }
        lineNumber += 1
        let entry: HistoryEntry
        do {
            entry = try HistoryEntry(jsonLine: line)
        } catch {
            throw HistoryError(path: path, line: lineNumber, problem: error.description)
        }
        if let lastSequence, entry.sequence <= lastSequence {
            throw HistoryError(path: path, line: lineNumber, problem: "seq \(entry.sequence) does not follow seq \(lastSequence)")
        }
        lastSequence = entry.sequence
        return entry
    }

    /// Calls `body` with every remaining entry, in order.
    public func forEach(_ body: (HistoryEntry) throws -> Void) throws {
        while let entry = try next() { try body(entry) }
    }

    /// Every entry of the history at `path`, and its torn last line if it has one.
    public static func readAll(at path: String) throws(HistoryError) -> (entries: [HistoryEntry], tornLastLine: TornLine?) {
        let reader = try HistoryReader(path: path)
        var entries: [HistoryEntry] = []
        while let entry = try reader.next() { entries.append(entry) }
        return (entries, reader.tornLastLine)
    }

    /// The bytes of the next newline-terminated line, without the newline; nil at the end, after noting
    /// an unterminated rest as the torn last line.
    private func nextLine() throws(HistoryError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { bufferStart = newline + 1 }
                return buffer[bufferStart ..< newline]
            }
            if reachedEnd {
                if bufferStart < buffer.count, tornLastLine == nil {
                    tornLastLine = TornLine(path: path, line: lineNumber + 1, byteCount: buffer.count - bufferStart)
                }
                return nil
            }
            try refill()
        }
    }

    /// Drops the lines already returned and reads the next chunk of the file.
    private func refill() throws(HistoryError) {
        buffer.removeFirst(bufferStart)
        bufferStart = 0
        let chunk: Data?
        do {
            chunk = try file.read(upToCount: 1 << 16)
        } catch {
            throw HistoryError(path: path, line: lineNumber + 1, problem: "cannot read: \(error)")
        }
        guard let chunk, !chunk.isEmpty else {
            reachedEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
