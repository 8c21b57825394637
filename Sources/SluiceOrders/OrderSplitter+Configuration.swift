extension OrderSplitter {
    /// How to split: the defaults are the lecture's `split -l 10000 orders.txt chunk` and `sleep 3`.
    public struct Configuration: Sendable, Hashable {
        /// The number of lines in each piece but the last.
        public var linesPerFile: Int
        /// The pause between two deliveries; may be zero.
        public var pace: Duration
        /// The start of each piece's name.
        public var filePrefix: String

        /// Creates a configuration; every parameter has the lecture's default.
        public init(linesPerFile: Int = 10_000, pace: Duration = .seconds(3), filePrefix: String = "chunk") {
            self.linesPerFile = linesPerFile
            self.pace = pace
            self.filePrefix = filePrefix
        }

        /// The reasons this configuration cannot be used, empty when it can.
        public var problems: [String] {
            var problems: [String] = []
            if linesPerFile < 1 { problems.append("linesPerFile \(linesPerFile) is below 1") }
            if pace < .zero { problems.append("pace \(pace) is negative") }
            if filePrefix.isEmpty || filePrefix.contains("/") || filePrefix.hasPrefix(".") {
                problems.append("filePrefix '\(filePrefix)' is empty, holds a '/' or starts with '.'")
            }
            return problems
        }
    }
}
