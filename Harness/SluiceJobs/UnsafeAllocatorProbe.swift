import Foundation

/// Which `malloc` the process runs on, for reports: jemalloc when the executable linked it (it then
/// replaces malloc for the whole process, Swift runtime included), else the C library's.
///
/// Why unsafe: jemalloc is found by looking up its `mallctl` symbol with `dlsym` and calling it through
/// a C function pointer with the signature jemalloc documents; the version it returns is a pointer to a
/// static string owned by jemalloc, read once and copied into a Swift `String`.
public enum AllocatorProbe {
    private typealias Mallctl = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                 UnsafeMutableRawPointer?, Int) -> Int32

    /// `jemalloc 5.3.0-0-g…` or `glibc malloc`.
    public static var current: String {
        guard let symbol = dlsym(nil, "mallctl") else { return "glibc malloc" }
        let mallctl = unsafeBitCast(symbol, to: Mallctl.self)
        var version: UnsafePointer<CChar>?
        var length = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &length, nil, 0) == 0, let version else { return "jemalloc" }
        return "jemalloc " + String(cString: version)
    }
}
