/// Receives the driver's events, on the driver's thread, in order: Spark's `StreamingListener`.
///
/// Every method has an empty default, so a listener implements only what it needs.
public protocol StreamingListener: AnyObject, Sendable {
    func streamingStarted(at time: Timestamp)
    func batchSubmitted(_ info: BatchInfo)
    func batchStarted(_ info: BatchInfo)
    func batchCompleted(_ info: BatchInfo)
    /// An input reported a problem; the job goes on.
    func receiverError(_ problem: InputProblem)
    /// The driver stopped; `error` is what stopped it, if it did not stop on request.
    func streamingStopped(error: (any Error)?)
}

extension StreamingListener {
    public func streamingStarted(at time: Timestamp) {}
    public func batchSubmitted(_ info: BatchInfo) {}
    public func batchStarted(_ info: BatchInfo) {}
    public func batchCompleted(_ info: BatchInfo) {}
    public func receiverError(_ problem: InputProblem) {}
    public func streamingStopped(error: (any Error)?) {}
}
