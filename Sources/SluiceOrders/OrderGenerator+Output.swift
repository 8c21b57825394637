/// Generating lines in bulk: into a byte buffer, into memory whole, or into a file.
extension OrderGenerator {
    /// Appends up to `maximumCount` lines, each with its newline, to `buffer`; returns how many it appended
    /// (fewer only at the end of the file).
    public mutating func appendLines(upTo maximumCount: Int, to buffer: inout [UInt8]) -> Int {
        var appended = 0
        while appended < maximumCount, let line = next() {
            line.appendText(to: &buffer)
            appended += 1
        }
        return appended
    }

    /// Every line of `configuration`, in memory.
    public static func generate(_ configuration: Configuration) -> GeneratedOrders {
        var result = GeneratedOrders(orders: [], malformedLines: [], text: [])
        result.orders.reserveCapacity(configuration.count)
        result.text.reserveCapacity(configuration.count * 48)
        for line in OrderGenerator(configuration) {
            line.appendText(to: &result.text)
            switch line {
            case .order(let order): result.orders.append(order)
            case .malformed(let malformed): result.malformedLines.append(malformed)
            }
        }
        return result
    }

    /// Writes every line of `configuration` to the file at `path`, replacing it.
    ///
    /// The lines go to a hidden `.NAME.partial` beside `path`, which is synced and then renamed to `path`,
    /// so `path` never holds part of a file. Memory use stays at one block of lines whatever the count.
    @discardableResult
    public static func write(_ configuration: Configuration, toFileAt path: String) throws(OrderFileError) -> GenerationSummary {
        let file = try StagedFile(stagingPath: PathNames.partialSibling(of: path), finalPath: path)
        var generator = OrderGenerator(configuration)
        var buffer: [UInt8] = []
        let linesPerBlock = 65_536
        buffer.reserveCapacity(linesPerBlock * 48)
        var summary = GenerationSummary(lineCount: 0, malformedLineCount: 0, byteCount: 0)
        while true {
            buffer.removeAll(keepingCapacity: true)
            let appended = generator.appendLines(upTo: linesPerBlock, to: &buffer)
            guard appended > 0 else { break }
            try file.write(buffer)
            summary.lineCount += appended
            summary.byteCount += buffer.count
        }
        try file.publish(replacingExisting: true)
        summary.malformedLineCount = generator.malformedLineCount
        return summary
    }
}
