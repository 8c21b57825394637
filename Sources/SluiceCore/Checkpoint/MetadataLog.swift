import Foundation

/// A directory of checkpoint files named by batch id — `offsets/17`, `commits/17` — with Spark's four
/// operations: add, get, latest, purge. Each file is a `CheckpointFile` holding `Entry` as JSON.
public struct MetadataLog<Entry: Codable & Sendable>: Sendable {
    public let directory: String
    /// Where `add` takes its temporary file from when one is ready; nil to always create one.
    public let temporaryFiles: PreparedTemporaryFiles?

    public init(directory: String, temporaryFiles: PreparedTemporaryFiles? = nil) {
        self.directory = directory
        self.temporaryFiles = temporaryFiles
    }

    /// The path of `batch`'s file.
    public func path(of batch: BatchID) -> String { "\(directory)/\(batch.rawValue)" }

    /// Writes `entry` for `batch` durably, unless the batch already has one; returns whether it wrote.
    @discardableResult
    public func add(_ entry: Entry, for batch: BatchID) throws(CheckpointError) -> Bool {
        let path = path(of: batch)
        if FileManager.default.fileExists(atPath: path) { return false }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let payload = try JSONEncoder().encode(entry)
            try DurableFile.write(CheckpointFile.encode([UInt8](payload)), to: path, prepared: temporaryFiles?.take(in: directory))
        } catch let error as DurableFileError {
            throw .io(path: path, reason: "\(error)")
        } catch {
            throw .io(path: path, reason: "cannot encode the entry: \(error)")
        }
        return true
    }

    /// The entry of `batch`, nil if it has none; a damaged file is an error naming it.
    public func get(_ batch: BatchID) throws(CheckpointError) -> Entry? {
        let path = path(of: batch)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let payload = try CheckpointFile.decode([UInt8](data), path: path)
        do {
            return try JSONDecoder().decode(Entry.self, from: Data(payload))
        } catch {
            throw .corrupt(path: path, reason: "the checksum is right but the entry does not decode: \(error)")
        }
    }

    /// The batch ids that have a file, ascending.
    public func batches() -> [BatchID] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { Int64($0).map(BatchID.init) }.sorted()
    }

    /// The newest batch and its entry, if any.
    public func latest() throws(CheckpointError) -> (batch: BatchID, entry: Entry)? {
        guard let batch = batches().last, let entry = try get(batch) else { return nil }
        return (batch, entry)
    }

    /// Deletes the files of batches before `batch`; returns how many.
    @discardableResult
    public func purge(before batch: BatchID) -> Int {
        let old = batches().filter { $0 < batch }
        for id in old { try? FileManager.default.removeItem(atPath: path(of: id)) }
        return old.count
    }

    /// Deletes the files of the batches in `batches` by name, without listing the directory (for a
    /// caller that knows no older file exists); returns how many it deleted.
    @discardableResult
    public func remove(_ batches: Range<Int64>) -> Int {
        batches.count { (try? FileManager.default.removeItem(atPath: path(of: BatchID($0)))) != nil }
    }

    /// Deletes temporary files a writer killed before its rename left behind; returns how many.
    @discardableResult
    public func removeTemporaryFiles() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let temporary = names.filter { $0.hasSuffix(DurableFile.temporarySuffix) }
        for name in temporary { try? FileManager.default.removeItem(atPath: "\(directory)/\(name)") }
        return temporary.count
    }
}
