/// The input of one micro-batch: a slice from every input, cut at the batch time.
public struct MicroBatch: Sendable {
    public let id: BatchID
    /// The trigger instant this batch belongs to (Spark's batch time).
    public let time: Timestamp
    /// One slice per input, in the order the inputs were given to the driver.
    public let inputs: [InputSlice]

    public init(id: BatchID, time: Timestamp, inputs: [InputSlice]) {
        self.id = id
        self.time = time
        self.inputs = inputs
    }

    /// Rows over all inputs.
    public var records: Int { inputs.reduce(0) { $0 + $1.records } }
}
