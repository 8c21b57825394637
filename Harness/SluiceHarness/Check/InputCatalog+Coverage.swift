import SluiceCore

extension InputCatalog {
    /// The input that the offsets of `batch` cover, cumulatively: a directory source's offsets name only
    /// the files of their own cut, so its files are gathered from every batch up to `batch`.
    public func coverage(
        through batch: BatchID, offsets: [BatchID: [String: String]], orders: WorkloadOrders
    ) -> Result<InputCoverage, CheckProblem> {
        guard let ends = offsets[batch] else { return .failure(CheckProblem("batch \(batch) has no offsetsWritten line")) }
        var coverage = InputCoverage()
        for source in ends.keys.sorted() {
            let offset = SourceOffset(json: ends[source] ?? "")
            let sourceCoverage: Result<InputCoverage, CheckProblem>
            if let directory = try? DirectoryOffset(offset, input: source) {
                sourceCoverage = filesCoverage(of: source, through: batch, latest: directory, offsets: offsets)
            } else if let sequenced = try? SequencedOffset(offset, input: source) {
                sourceCoverage = producersCoverage(of: source, sequenced, orders: orders)
            } else {
                return .failure(CheckProblem("source '\(source)': offset '\(offset.json)' is neither a directory offset nor per-producer sequence numbers"))
            }
            switch sourceCoverage {
            case .success(let covered): coverage.formUnion(covered)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(coverage)
    }

    /// The files a directory source read through `batch`, from the offsets of its cuts.
    private func filesCoverage(
        of source: String, through batch: BatchID, latest: DirectoryOffset, offsets: [BatchID: [String: String]]
    ) -> Result<InputCoverage, CheckProblem> {
        var cuts: [Int64: [String]] = [:]
        for (written, ends) in offsets where written <= batch {
            guard let json = ends[source], let cut = try? DirectoryOffset(SourceOffset(json: json), input: source), cut.index > 0 else { continue }
            cuts[cut.index] = cut.files
        }
        var coverage = InputCoverage()
        guard latest.index > 0 else { return .success(coverage) }
        if let missing = (1 ... latest.index).first(where: { cuts[$0] == nil }) {
            return .failure(CheckProblem("source '\(source)': no offsetsWritten line through batch \(batch) gives its cut \(missing), so the files that cut read are unknown"))
        }
        let read = Set(cuts.values.joined())
        for file in read.sorted() {
            guard let lines = files[file] else {
                let cause = problems[file].map { " (\($0))" } ?? ""
                return .failure(CheckProblem("source '\(source)': file '\(file)' was read but no usable produced line names it\(cause)"))
            }
            coverage.covered = coverage.covered.union(lines)
        }
        guard let lastRead = read.max() else { return .success(coverage) }
        let upToLast = fileNames.filter { $0 <= lastRead }
        coverage.filesRead = read.sorted()
        coverage.filesSkipped = upToLast.filter { !read.contains($0) }
        coverage.prefix = upToLast.reduce(OrderIDRanges()) { $0.union(files[$1] ?? OrderIDRanges()) }
        return .success(coverage)
    }

    /// The records each producer's sequence number covers: its first `end` records.
    private func producersCoverage(of source: String, _ offset: SequencedOffset, orders: WorkloadOrders) -> Result<InputCoverage, CheckProblem> {
        var coverage = InputCoverage()
        for (producer, end) in offset.ends.sorted(by: { $0.key < $1.key }) where end > 0 {
            if let problem = problems[producer] { return .failure(CheckProblem("source '\(source)': \(problem)")) }
            let spans = producers[producer] ?? []
            let produced = spans.reduce(0) { $0 + $1.records }
            guard end <= produced else {
                return .failure(CheckProblem("source '\(source)': producer '\(producer)' took \(end) records, but the produced lines give it \(produced)"))
            }
            var remaining = end
            for span in spans where remaining > 0 {
                let taken = min(remaining, span.records)
                coverage.covered = coverage.covered.union(Self.firstRecords(taken, of: span, orders: orders))
                remaining -= taken
            }
        }
        coverage.prefix = coverage.covered
        return .success(coverage)
    }

    /// The lines holding the first `count` records of `span`.
    private static func firstRecords(_ count: Int64, of span: ProducerSpan, orders: WorkloadOrders) -> OrderIDRanges {
        if count == span.records { return OrderIDRanges([span.lines]) }
        if span.recordsAreLines { return OrderIDRanges([span.lines.lowerBound ... span.lines.lowerBound + count - 1]) }
        var last = span.lines.lowerBound
        var found: Int64 = 0
        for id in span.lines where orders.order(id: id) != nil {
            found += 1
            last = id
            if found == count { break }
        }
        return OrderIDRanges([span.lines.lowerBound ... last])
    }
}
