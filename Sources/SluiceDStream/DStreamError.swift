import SluiceCore

/// A DStream program was defined or started in a way that cannot work; the message says how to fix it.
public enum DStreamError: Error, Equatable, CustomStringConvertible {
    case windowNotMultipleOfParentSlide(window: Duration, parentSlide: Duration)
    case slideNotMultipleOfParentSlide(slide: Duration, parentSlide: Duration)
    case checkpointDirectoryNotSet(operation: String)
    case noOutputOperations
    case alreadyStarted
    case notStarted
    case stateRestoreFailed(path: String, reason: String)
    case outputFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .windowNotMultipleOfParentSlide(let window, let parentSlide):
            "The window duration of windowed DStream (\(window.milliseconds) ms) must be a multiple of the slide duration of parent DStream (\(parentSlide.milliseconds) ms)"
        case .slideNotMultipleOfParentSlide(let slide, let parentSlide):
            "The slide duration of windowed DStream (\(slide.milliseconds) ms) must be a multiple of the slide duration of parent DStream (\(parentSlide.milliseconds) ms)"
        case .checkpointDirectoryNotSet(let operation):
            "The checkpoint directory has not been set, and \(operation) keeps state across batches. Please set it by StreamingContext.checkpoint(directory:)."
        case .noOutputOperations:
            "No output operations registered, so nothing to execute: add print, foreachRDD or saveAsTextFiles before start()"
        case .alreadyStarted:
            "StreamingContext has already been started; a context starts once (create a new one to restart from its checkpoint)"
        case .notStarted:
            "StreamingContext has not been started"
        case .stateRestoreFailed(let path, let reason):
            "\(path): cannot restore DStream state: \(reason)"
        case .outputFailed(let path, let reason):
            "\(path): cannot write output: \(reason)"
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds (rounded toward zero).
    var milliseconds: Int64 { microseconds / 1000 }
}
