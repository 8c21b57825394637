import SluiceCore

extension HistoryEvent {
    /// The nemesis sent SIGKILL to the job `pid`: at a named fault point (`"point":"after-state"`, with the
    /// batch it fired in) or at a random time (`"point":"random"`, with the batch running then, if known).
    public struct FaultInjected: Sendable, Equatable, Codable {
        public var fault: Fault
        public var batch: BatchID?
        public var pid: Int32

        /// Where the kill happened.
        public enum Fault: Sendable, Equatable, Codable, CustomStringConvertible {
            /// At one of the job's fault points (`SLUICE_FAULT`).
            case point(FaultPoint)
            /// At a random time chosen by the nemesis.
            case random

            /// The text written in `point`.
            public static let randomName = "random"

            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                let name = try container.decode(String.self)
                if name == Self.randomName {
                    self = .random
                } else if let point = FaultPoint(rawValue: name) {
                    self = .point(point)
                } else {
                    let known = [Self.randomName] + FaultPoint.allCases.map(\.rawValue)
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "unknown fault '\(name)', expected one of \(known.joined(separator: ", "))"
                    )
                }
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(description)
            }

            public var description: String {
                switch self {
                case .point(let point): point.rawValue
                case .random: Self.randomName
                }
            }
        }

        public init(fault: Fault, batch: BatchID?, pid: Int32) {
            self.fault = fault
            self.batch = batch
            self.pid = pid
        }

        private enum CodingKeys: String, CodingKey {
            case fault = "point", batch, pid
        }
    }

    /// The job `pid` ended: killed by `signal`, or exited with `status`.
    public struct ProcessExited: Sendable, Equatable, Codable {
        public var pid: Int32
        public var signal: Int32?
        public var status: Int32?

        public init(pid: Int32, signal: Int32? = nil, status: Int32? = nil) {
            self.pid = pid
            self.signal = signal
            self.status = status
        }
    }

    /// The job runs again as `pid` on its checkpoint, `downtimeMicroseconds` after the previous process
    /// ended; its first new batch committed `firstBatchMicroseconds` after the restart (absent if none did
    /// before the run ended). Written once that batch commits.
    public struct Restarted: Sendable, Equatable, Codable {
        public var pid: Int32
        public var downtimeMicroseconds: Int64
        public var firstBatchMicroseconds: Int64?

        public init(pid: Int32, downtimeMicroseconds: Int64, firstBatchMicroseconds: Int64?) {
            self.pid = pid
            self.downtimeMicroseconds = downtimeMicroseconds
            self.firstBatchMicroseconds = firstBatchMicroseconds
        }
    }
}
