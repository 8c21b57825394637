import Foundation

/// The on-disk form of every checkpoint file: a header line naming the format version, the payload's
/// length and its CRC-32, then the payload (JSON). For example:
///
/// ```
/// sluice-checkpoint v1 length=42 crc32=1a2b3c4d
/// {"batch":17,"offsets":{"orders":[0,170000]}}
/// ```
///
/// Files are written with `DurableFile` (temporary name, fsync, rename, fsync of the directory), so a
/// reader sees an old or a new file, never half of one; the length and checksum catch what the disk
/// or a person did to it afterwards, and the error names the file and what is wrong.
public enum CheckpointFile {
    /// The format version this build writes and reads.
    public static let version = 1
    private static let magic = "sluice-checkpoint"

    /// The bytes of a file holding `payload`.
    public static func encode(_ payload: [UInt8]) -> [UInt8] {
        let header = "\(magic) v\(version) length=\(payload.count) crc32=\(String(format: "%08x", CRC32.checksum(payload)))\n"
        return Array(header.utf8) + payload
    }

    /// The payload of a file's bytes, or why they are not a valid checkpoint file.
    public static func decode(_ bytes: [UInt8], path: String) throws(CheckpointError) -> [UInt8] {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            throw .corrupt(path: path, reason: bytes.isEmpty ? "empty file" : "no header line")
        }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 4, fields[0] == magic, fields[1].hasPrefix("v"), let version = Int(fields[1].dropFirst()),
              fields[2].hasPrefix("length="), let length = Int(fields[2].dropFirst(7)),
              fields[3].hasPrefix("crc32="), let stored = UInt32(fields[3].dropFirst(6), radix: 16) else {
            throw .corrupt(path: path, reason: "malformed header '\(String(decoding: bytes[..<min(newline, 80)], as: UTF8.self))'")
        }
        guard version == Self.version else {
            throw .corrupt(path: path, reason: "format version \(version), this build reads version \(Self.version)")
        }
        let payload = Array(bytes[(newline + 1)...])
        guard payload.count == length else {
            throw .corrupt(path: path, reason: payload.count < length
                ? "truncated: the header says \(length) bytes, found \(payload.count)"
                : "\(payload.count - length) bytes more than the \(length) the header says")
        }
        let computed = CRC32.checksum(payload)
        guard computed == stored else {
            throw .corrupt(path: path, reason: String(format: "checksum mismatch (stored 0x%08x, computed 0x%08x)", stored, computed))
        }
        return payload
    }
}

/// A checkpoint could not be read or written; names the file and the problem.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    case corrupt(path: String, reason: String)
    case io(path: String, reason: String)
    /// The checkpoint belongs to a query whose plan differs in ways a restart cannot bridge.
    case incompatible(path: String, changes: [String])

    public var description: String {
        switch self {
        case .corrupt(let path, let reason): "\(path): \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .incompatible(let path, let changes):
            "\(path): this checkpoint was written by an incompatible query; \(changes.joined(separator: "; ")). Use a new checkpoint location to start over."
        }
    }
}
