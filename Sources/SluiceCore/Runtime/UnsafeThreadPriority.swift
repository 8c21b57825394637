import Foundation

/// The scheduling priority of the calling thread.
///
/// Why unsafe: it calls `getpriority(2)` and `setpriority(2)` directly. Both take no pointers; with
/// `PRIO_PROCESS` and `who` 0, Linux applies them to the calling thread only (it keeps a nice value per
/// thread, a documented departure from POSIX), so no other thread of the process is affected.
enum ThreadPriority {
    /// Raises the calling thread's nice value by `amount`, so that when the cores are contended the
    /// process's other threads (a batch's critical path) run first. Best effort: on failure the
    /// priority stays as it was.
    static func lowerCurrentThread(by amount: Int32) {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)
        guard errno == 0 else { return }
        _ = setpriority(which, 0, current + amount)
    }
}
