import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine a run ran on, as the summary states it.
public struct MachineFacts: Sendable, Equatable {
    /// Processor cores available to the run.
    public var cores: Int
    /// Physical memory, bytes.
    public var memoryBytes: UInt64
    /// Operating system and kernel, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 x86_64".
    public var operatingSystem: String
    /// The Swift compiler that built the harness, e.g. "6.3".
    public var swiftVersion: String
    /// The allocator the job linked, e.g. "jemalloc 5.3.0" or "glibc malloc".
    public var allocator: String

    public init(cores: Int, memoryBytes: UInt64, operatingSystem: String, swiftVersion: String, allocator: String) {
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.operatingSystem = operatingSystem
        self.swiftVersion = swiftVersion
        self.allocator = allocator
    }

    /// This machine, with the job's allocator as the caller knows it.
    public static func current(allocator: String) -> MachineFacts {
        MachineFacts(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory,
            operatingSystem: operatingSystemName(),
            swiftVersion: compilerVersion,
            allocator: allocator
        )
    }

    /// The Swift language mode's compiler generation that built this code.
    static var compilerVersion: String {
        #if compiler(>=6.4)
        "6.4 or later"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.1"
        #endif
    }

    /// `PRETTY_NAME` of /etc/os-release, if any, and the kernel's name, release and machine.
    private static func operatingSystemName() -> String {
        var parts: [String] = []
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            parts.append(line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        var name = utsname()
        if uname(&name) == 0 {
            func field<T>(_ value: T) -> String {
                withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            }
            parts.append("\(field(name.sysname)) \(field(name.release)) \(field(name.machine))")
        }
        return parts.isEmpty ? ProcessInfo.processInfo.operatingSystemVersionString : parts.joined(separator: ", ")
    }
}
