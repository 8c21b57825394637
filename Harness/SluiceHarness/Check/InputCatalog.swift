/// What the replayer produced, arranged to map a job's offsets back to orders: the lines of each input
/// file, and each producer's records in the order it sent them. Built from the `produced` lines.
public struct InputCatalog: Sendable {
    /// Each input file's lines (order ids).
    public private(set) var files: [String: OrderIDRanges] = [:]
    /// The files' names in name order: the order a directory source reads them.
    public private(set) var fileNames: [String] = []
    /// Each producer's `produced` lines, in the order it sent them.
    public private(set) var producers: [String: [ProducerSpan]] = [:]
    /// Every line produced.
    public private(set) var producedIDs = OrderIDRanges()
    /// What made a `produced` line unusable, by producer or file name; such a source cannot be mapped.
    public private(set) var problems: [String: String] = [:]

    /// One `produced` line of a producer: its `records` are the lines `lines`, or only the well-formed
    /// orders among them.
    public struct ProducerSpan: Sendable, Equatable {
        public var lines: ClosedRange<Int64>
        public var records: Int64
        public var recordsAreLines: Bool
    }

    /// The catalog of `produced`, whose order ids must lie within `orders`' lines.
    public init(produced: [HistoryEvent.Produced], orders: WorkloadOrders) {
        var ranges: [ClosedRange<Int64>] = []
        for line in produced {
            let name = line.file ?? line.producer ?? "a produced line"
            guard line.firstOrder >= 1, line.firstOrder <= line.lastOrder, line.lastOrder <= orders.lineCount else {
                problems[name] = "\(name): orderId \(line.firstOrder)..\(line.lastOrder) is not within the workload's 1..\(orders.lineCount)"
                continue
            }
            let lines = line.firstOrder ... line.lastOrder
            ranges.append(lines)
            if let file = line.file {
                files[file] = (files[file] ?? OrderIDRanges()).union(OrderIDRanges([lines]))
            }
            if let producer = line.producer {
                addSpan(lines: lines, records: line.records, of: producer, orders: orders)
            }
        }
        producedIDs = OrderIDRanges(ranges)
        fileNames = files.keys.sorted()
    }

    private mutating func addSpan(lines: ClosedRange<Int64>, records: Int64, of producer: String, orders: WorkloadOrders) {
        let lineCount = lines.upperBound - lines.lowerBound + 1
        if records == lineCount {
            producers[producer, default: []].append(ProducerSpan(lines: lines, records: records, recordsAreLines: true))
        } else if records == orders.wellFormedCount(in: OrderIDRanges([lines])) {
            producers[producer, default: []].append(ProducerSpan(lines: lines, records: records, recordsAreLines: false))
        } else {
            problems[producer] = "producer \(producer): \(records) records for orderId \(lines.lowerBound)..\(lines.upperBound), "
                + "neither its \(lineCount) lines nor its well-formed orders"
        }
    }
}
