import Foundation
import Synchronization

/// Reads lines from a TCP server (e.g. `nc -lk 9999`): Spark's `socketTextStream`.
///
/// A receiver thread connects to `host:port`, decodes complete lines in chunks and sends them through
/// the ingest channel. A refused or lost connection is reported by name and retried after
/// `reconnectDelay`, as Spark's receiver restarts; a connection that closes mid-line delivers the
/// partial last line and says so. Lines longer than the decoder's limit are skipped and counted.
public final class SocketInput: BatchInput {
    public let host: String
    public let port: Int
    public let decoder: any RecordDecoder
    public let reconnectDelay: Duration
    /// Bytes read per receive call.
    public let readSize: Int
    /// A line that grows past this many bytes without a newline is skipped and counted as malformed.
    public let maximumLineBytes: Int
    private let input: ChannelInput
    private let receiver = Mutex(ReceiverState())
    private let wakeUp = NSCondition()

    private struct ReceiverState {
        var isStopped = false
        var connection: TCPSocket?
        var finished: DispatchSemaphore?
    }

    public init(host: String, port: Int, decoder: any RecordDecoder = TextLineDecoder(),
                reconnectDelay: Duration = .seconds(2), readSize: Int = 1 << 16, maximumLineBytes: Int = 1 << 20,
                capacity: Int = 64, fullBufferPolicy: FullBufferPolicy = .wait) {
        self.host = host
        self.port = port
        self.decoder = decoder
        self.reconnectDelay = reconnectDelay
        self.readSize = readSize
        self.maximumLineBytes = maximumLineBytes
        self.input = ChannelInput(name: "socket \(host):\(port)", schema: decoder.schema,
                                  capacityPerProducer: capacity, fullBufferPolicy: fullBufferPolicy)
    }

    public var name: String { input.name }
    public var schema: Schema { input.schema }
    /// Ingest counters: chunks and rows sent, drops, waits.
    public var metrics: IngestMetrics { input.channel.metrics }

    /// Starts the receiver thread.
    public func start() throws {
        let producer = try input.makeProducer(named: "\(host):\(port)")
        let finished = DispatchSemaphore(value: 0)
        receiver.withLock { $0.finished = finished }
        Thread { [self] in
            receiveUntilStopped(into: producer)
            producer.finish()
            finished.signal()
        }.start()
    }

    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice { input.cut(for: batch, at: time) }

    public var hasPendingData: Bool { input.hasPendingData }

    /// Waits until at least `rows` rows were received and not yet cut (for tests and available-now runs).
    public func waitForRows(atLeast rows: Int, timeout: Duration) -> IngestWaitResult {
        input.waitForRows(atLeast: rows, timeout: timeout)
    }

    /// Stops the receiver: closes the connection, ends retries and waits for the thread to end.
    public func stop() {
        let (connection, finished) = receiver.withLock { state in
            state.isStopped = true
            return (state.connection, state.finished)
        }
        connection?.shutdown()
        wakeUp.lock()
        wakeUp.broadcast()
        wakeUp.unlock()
        _ = finished?.wait(timeout: .now() + 10)
        input.stop()
    }

    private var isStopped: Bool { receiver.withLock { $0.isStopped } }

    private func receiveUntilStopped(into producer: ProducerHandle<RecordBatch>) {
        let peer = "\(host):\(port)"
        var lineNumber = 1
        while !isStopped {
            do {
                let connection = try TCPSocket.connect(host: host, port: port)
                receiver.withLock { $0.connection = connection }
                try receiveLines(from: connection, into: producer, lineNumber: &lineNumber)
                receiver.withLock { $0.connection = nil }
                if isStopped { return }
                input.report(InputProblem(source: peer, message: "connection closed by the server; reconnecting in \(reconnectDelay)"))
            } catch {
                receiver.withLock { $0.connection = nil }
                if isStopped { return }
                let reason = (error as? NetworkError).map { "\($0.operation) failed: \($0.reason)" } ?? "\(error)"
                input.report(InputProblem(source: peer, message: "\(reason); retrying in \(reconnectDelay)"))
            }
            pauseBeforeReconnecting()
        }
    }

    /// Reads until the server closes the connection, sending every complete line.
    private func receiveLines(from connection: TCPSocket, into producer: ProducerHandle<RecordBatch>, lineNumber: inout Int) throws {
        let peer = "\(host):\(port)"
        var pending: [UInt8] = []
        var skippingLongLine = false
        while true {
            let bytes = try connection.receive(upTo: readSize)
            if bytes.isEmpty {
                if !pending.isEmpty && !skippingLongLine {
                    try send(pending, into: producer, lineNumber: &lineNumber)
                    input.report(InputProblem(source: peer, line: lineNumber - 1,
                                              message: "connection closed mid-line; the partial last line (\(pending.count) bytes) was delivered"))
                }
                return
            }
            pending.append(contentsOf: bytes)
            if skippingLongLine {
                guard let newline = pending.firstIndex(of: UInt8(ascii: "\n")) else { pending.removeAll(); continue }
                pending.removeFirst(newline + 1)
                skippingLongLine = false
                lineNumber += 1
            }
            let end = LineSplitter.endOfLastCompleteLine(in: pending)
            if end > 0 {
                try send(Array(pending[..<end]), into: producer, lineNumber: &lineNumber)
                pending.removeFirst(end)
            }
            if pending.count > maximumLineBytes {
                input.reportMalformed(1, samples: [InputProblem(source: peer, line: lineNumber,
                                                                message: "line longer than the \(maximumLineBytes)-byte limit; skipped")])
                pending.removeAll()
                skippingLongLine = true
            }
        }
    }

    private func send(_ lines: [UInt8], into producer: ProducerHandle<RecordBatch>, lineNumber: inout Int) throws {
        let decoded = decoder.decode(lines, source: "\(host):\(port)", firstLine: lineNumber)
        lineNumber += decoded.lines
        input.reportMalformed(decoded.malformed, samples: decoded.samples)
        if decoded.batch.rowCount > 0 { _ = try producer.send(decoded.batch) }
    }

    private func pauseBeforeReconnecting() {
        wakeUp.lock()
        if !isStopped { _ = wakeUp.wait(until: Date(timeIntervalSinceNow: Double(reconnectDelay.microseconds) / 1_000_000)) }
        wakeUp.unlock()
    }
}
