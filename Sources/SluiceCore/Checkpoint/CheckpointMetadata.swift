import Foundation

/// The checkpoint's `metadata` file: the id of the query it belongs to and a fingerprint of the parts
/// of its plan that a restart must keep (sources, state layout, output mode), each as readable text so
/// that a refused restart can say what changed.
public struct CheckpointMetadata: Codable, Sendable, Equatable {
    /// Stays the same across restarts.
    public let id: String
    /// Named plan parts that must be equal on restart, e.g. `"state": "aggregate keys [symbol] …"`.
    public let fingerprint: [String: String]

    public init(id: String, fingerprint: [String: String]) {
        self.id = id
        self.fingerprint = fingerprint
    }

    /// Throws naming every part that differs between the checkpoint's query (`self`) and `other`.
    public func checkCompatible(with other: CheckpointMetadata, path: String) throws(CheckpointError) {
        let names = Set(fingerprint.keys).union(other.fingerprint.keys).sorted()
        let changes = names.compactMap { name -> String? in
            let old = fingerprint[name] ?? "(none)"
            let new = other.fingerprint[name] ?? "(none)"
            return old == new ? nil : "\(name) changed: the checkpoint has '\(old)', this query has '\(new)'"
        }
        guard changes.isEmpty else {
            throw .incompatible(path: path, changes: changes)
        }
    }

    /// Reads the file at `path`, nil if there is none.
    static func read(_ path: String) throws(CheckpointError) -> CheckpointMetadata? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let payload = try CheckpointFile.decode([UInt8](data), path: path)
        do {
            return try JSONDecoder().decode(CheckpointMetadata.self, from: Data(payload))
        } catch {
            throw .corrupt(path: path, reason: "the checksum is right but the metadata does not decode: \(error)")
        }
    }

    /// Writes the file at `path` durably.
    func write(to path: String) throws(CheckpointError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try DurableFile.write(CheckpointFile.encode([UInt8](try encoder.encode(self))), to: path)
        } catch {
            throw .io(path: path, reason: "\(error)")
        }
    }
}
