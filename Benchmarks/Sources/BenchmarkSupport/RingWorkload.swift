/// The shape of the ring benchmark's transfer; `ring.cpp` in `sluice-reference-kernels` uses the same.
public enum RingWorkload {
    /// Rows (`Int64`s) per chunk: one atomic handoff per 8 KB.
    public static let chunkRows = 1024
    /// Chunks a producer's ring holds at once (IngestChannel's default).
    public static let ringCapacity = 64
    /// Rows moved per iteration: 8 Mi rows, 8,192 chunks.
    public static let rowsPerTransfer = 8 * 1024 * 1024
}
