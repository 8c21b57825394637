import CJemalloc
import SluiceJobs

/// `sluice-job` links jemalloc, which then serves every allocation of the process; referencing one of
/// its symbols keeps the linker from dropping it. `sluice-job-system-malloc` is the same job on the C
/// library's allocator, for comparisons.
let jemallocControl: @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int) -> Int32 = mallctl
_ = jemallocControl
JobCommand.main()
