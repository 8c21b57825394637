import SluiceCore
import SluiceOrders
@testable import SluiceHarness

/// A small made-up run whose sink rows are right unless a test plants a defect: a seeded workload of a
/// few hundred orders (some lines malformed) read in a few batches, by a directory source (whole files
/// of `linesPerFile` lines, `filesPerBatch` a batch) or by two in-process producers (`p0` sends lines
/// 1...200 counting every line, `p1` lines 201...400 counting only its well-formed orders), with the
/// rows of count-buys or windowed counts after each batch. The expected rows are computed here straight
/// from `OrderReference`, not through the checkers' tables, so they are an independent oracle.
struct CheckFixture {
    enum Source { case directory, producers }
    enum Query { case countBuys, windowedCounts }

    var workload = HistoryEvent.Workload(count: 400, seed: 11, malformedFraction: 0.02)
    var source = Source.directory
    var query = Query.countBuys
    var linesPerFile: Int64 = 50
    var filesPerBatch: Int64 = 2
    /// A batch cut short by a kill and run again.
    var killedBatch: Int64?
    /// Windows written as `yyyy-MM-dd HH:mm:ss` text rather than µs.
    var timestampsAsText = false

    static let pid: Int32 = 500
    static let producerSpan: Int64 = 50

    var batchCount: Int64 {
        switch source {
        case .directory: Int64(workload.count) / (linesPerFile * filesPerBatch)
        case .producers: Int64(workload.count) / 2 / Self.producerSpan
        }
    }

    var orders: [Order] { OrderGenerator.generate(workload.generatorConfiguration).orders }

    static func fileName(_ index: Int64) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "chunk" + String(letters[Int(index) / 26]) + String(letters[Int(index) % 26])
    }

    /// Whether order `id` is in the input through `batch`.
    func covers(_ id: Int64, throughBatch batch: Int64) -> Bool {
        switch source {
        case .directory: return id <= (batch + 1) * filesPerBatch * linesPerFile
        case .producers:
            let half = Int64(workload.count) / 2
            let taken = (batch + 1) * Self.producerSpan
            return id <= taken || (id > half && id <= half + taken)
        }
    }

    /// The sink rows after `batch`, each with an extra column the checkers must ignore.
    func rows(throughBatch batch: Int64) -> [[String: JSONScalar]] {
        rows(over: orders.filter { covers($0.orderId, throughBatch: batch) }, batch: batch)
    }

    /// The sink rows of the answer over `input`, as `batch` would write them.
    func rows(over input: [Order], batch: Int64) -> [[String: JSONScalar]] {
        switch query {
        case .countBuys:
            let counts = OrderReference.buySellCounts(input)
            return [(false, counts.sells), (true, counts.buys)].filter { $0.1 > 0 }.map {
                ["buy": .bool($0.0), "count": .int($0.1), "written_by": .int(batch)]
            }
        case .windowedCounts:
            return OrderReference.buySellCountsPerWindow(input).flatMap { window in
                [(false, window.counts.sells), (true, window.counts.buys)].filter { $0.1 > 0 }.map {
                    ["buy": .bool($0.0), "window.start": timestamp(window.window.start), "window.end": timestamp(window.window.end), "count": .int($0.1)]
                }
            }
        }
    }

    private func timestamp(_ microseconds: Int64) -> JSONScalar {
        timestampsAsText ? .string(Timestamp(microseconds: microseconds).description) : .int(microseconds)
    }

    var queryName: String {
        switch query {
        case .countBuys: "count-buys"
        case .windowedCounts: "windowed-counts"
        }
    }

    /// The run's events, in order.
    func events() -> [HistoryEvent] {
        var events = produced()
        var pid = Self.pid
        for batch in 0 ..< batchCount {
            events.append(.batchStarted(.init(batch: BatchID(batch), triggerTime: batch * 1_000_000, rows: 100)))
            events.append(.offsetsWritten(.init(batch: BatchID(batch), ends: ["orders": offset(batch)])))
            if batch == killedBatch {
                events.append(.faultInjected(.init(fault: .point(.afterState), batch: BatchID(batch), pid: pid)))
                events.append(.processExited(.init(pid: pid, signal: 9)))
                pid += 1
                events.append(.restarted(.init(pid: pid, downtimeMicroseconds: 300_000, firstBatchMicroseconds: nil)))
                events.append(.batchStarted(.init(batch: BatchID(batch), triggerTime: batch * 1_000_000, rows: 100)))
            }
            events.append(.sinkRows(.init(batch: BatchID(batch), content: .rows(rows(throughBatch: batch)), query: queryName)))
            events.append(.batchCommitted(.init(
                batch: BatchID(batch), processingMicroseconds: 40_000, schedulingDelayMicroseconds: 200, totalDelayMicroseconds: 40_200,
                stateRows: 2, lateRowsDropped: 0, malformedLines: 1, sinkRows: 2
            )))
            events.append(.latency(.init(
                batch: BatchID(batch), records: [batch * 100 + 1, batch * 100 + 2, batch * 100 + 3],
                latencyMicroseconds: [100_000 + batch * 10_000, 90_000, 80_000]
            )))
        }
        events.append(.processExited(.init(pid: pid, status: 0)))
        return events
    }

    /// The end offset of `batch`'s source.
    func offset(_ batch: Int64) -> String {
        switch source {
        case .directory:
            let files = (batch * filesPerBatch ..< (batch + 1) * filesPerBatch).map(Self.fileName)
            return DirectoryOffset(files: files, index: batch + 1).sourceOffset.json
        case .producers:
            let orders = self.orders
            let half = Int64(workload.count) / 2
            let taken = (batch + 1) * Self.producerSpan
            let p1 = Int64(orders.count { $0.orderId > half && $0.orderId <= half + taken })
            return SequencedOffset(["p0": taken, "p1": p1]).sourceOffset.json
        }
    }

    private func produced() -> [HistoryEvent] {
        switch source {
        case .directory:
            return (0 ..< Int64(workload.count) / linesPerFile).map { index in
                .produced(.init(
                    records: linesPerFile, firstOrder: index * linesPerFile + 1, lastOrder: (index + 1) * linesPerFile,
                    scheduledStart: index * 1000, scheduledEnd: index * 1000 + 999, file: Self.fileName(index),
                    workload: index == 0 ? workload : nil
                ))
            }
        case .producers:
            let orders = self.orders
            let half = Int64(workload.count) / 2
            return (0 ..< half / Self.producerSpan).flatMap { span -> [HistoryEvent] in
                let first = span * Self.producerSpan + 1
                let last = first + Self.producerSpan - 1
                let wellFormed = Int64(orders.count { $0.orderId >= half + first && $0.orderId <= half + last })
                return [
                    .produced(.init(records: Self.producerSpan, firstOrder: first, lastOrder: last, scheduledStart: 0, scheduledEnd: 0,
                                    producer: "p0", workload: span == 0 ? workload : nil)),
                    .produced(.init(records: wellFormed, firstOrder: half + first, lastOrder: half + last, scheduledStart: 0, scheduledEnd: 0,
                                    producer: "p1")),
                ]
            }
        }
    }

    /// `events` numbered and timed as history entries, 1 ms apart.
    static func entries(_ events: [HistoryEvent]) -> [HistoryEntry] {
        events.enumerated().map { HistoryEntry(sequence: Int64($0.offset) + 1, time: Int64($0.offset) * 1000, event: $0.element) }
    }

    /// The run of `events`.
    static func run(_ events: [HistoryEvent], fallbackReference: (any ReferenceAnswer.Type)? = nil) -> CheckedRun {
        CheckedRun(entries: entries(events), fallbackReference: fallbackReference)
    }

    /// `events` with the rows of every sink write of `batch` changed by `change`.
    static func planting(in batch: Int64, _ events: [HistoryEvent], _ change: ([[String: JSONScalar]]) -> [[String: JSONScalar]]) -> [HistoryEvent] {
        events.map { event in
            guard case .sinkRows(var sinkRows) = event, sinkRows.batch == BatchID(batch), case .rows(let rows) = sinkRows.content else { return event }
            sinkRows.content = .rows(change(rows))
            return .sinkRows(sinkRows)
        }
    }

    /// `rows` with the count of the row whose `buy` is `buy` (and, if given, whose window starts at
    /// `windowStart`) moved by `delta`.
    static func adding(_ delta: Int64, toBuy buy: Bool, in rows: [[String: JSONScalar]]) -> [[String: JSONScalar]] {
        var changed = false
        return rows.map { row in
            guard !changed, row["buy"] == .bool(buy), case .int(let count)? = row["count"] else { return row }
            changed = true
            var row = row
            row["count"] = .int(count + delta)
            return row
        }
    }

    /// The count in `rows` of the first row whose `buy` is `buy`.
    static func count(buy: Bool, in rows: [[String: JSONScalar]]) -> Int64 {
        guard case .int(let count)? = rows.first(where: { $0["buy"] == .bool(buy) })?["count"] else { return 0 }
        return count
    }
}
