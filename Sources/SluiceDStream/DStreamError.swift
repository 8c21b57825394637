import SluiceCore

/// A DStream program was defined or started in a way that cannot work; the message says how to fix it.
public enum DStreamError: Error, Equatable, CustomStringConvertible {
    case windowNotMultipleOfParentSlide(window: Duration, parentSlide: Duration)
    case slideNotMultipleOfParentSlide(slide: Duration, parentSlide: Duration)
    /// `need` says why `operation` needs the directory (`keepsState` by default).
    case checkpointDirectoryNotSet(operation: String, need: String = DStreamError.keepsState)
    case noOutputOperations
    case alreadyStarted
    case notStarted
    case stateRestoreFailed(path: String, reason: String)
    case outputFailed(path: String, reason: String)
    case retentionShorterThanWindow(retainedBatches: Int, batchInterval: Duration, window: Duration)

    /// Why a stateful operation needs a checkpoint directory.
    public static let keepsState = "keeps state across batches"

    public var description: String {
        switch self {
        case .windowNotMultipleOfParentSlide(let window, let parentSlide):
            "The window duration of windowed DStream (\(window.milliseconds) ms) must be a multiple of the slide duration of parent DStream (\(parentSlide.milliseconds) ms)"
        case .slideNotMultipleOfParentSlide(let slide, let parentSlide):
            "The slide duration of windowed DStream (\(slide.milliseconds) ms) must be a multiple of the slide duration of parent DStream (\(parentSlide.milliseconds) ms)"
        case .checkpointDirectoryNotSet(let operation, let need):
            "The checkpoint directory has not been set, and \(operation) \(need). Please set it by StreamingContext.checkpoint(directory:)."
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
        case .retentionShorterThanWindow(let retainedBatches, let batchInterval, let window):
            "The checkpoint keeps the offsets of \(retainedBatches) batches (\((batchInterval * retainedBatches).milliseconds) ms) "
                + "but the longest window covers \(window.milliseconds) ms, so a restart could not rebuild it: set retainedBatches "
                + "to at least \(window.microseconds / batchInterval.microseconds) in StreamingContext.checkpoint(directory:options:)"
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds (rounded toward zero).
    var milliseconds: Int64 { microseconds / 1000 }
}
