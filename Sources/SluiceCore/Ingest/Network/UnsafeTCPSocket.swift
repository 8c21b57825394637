import Foundation

/// A blocking TCP stream socket over POSIX calls: the only place Sluice touches socket addresses and
/// raw receive buffers.
///
/// Why unsafe: `connect`, `bind` and `accept` take `sockaddr` pointers, and `recv`/`send` take raw
/// buffers. Each pointer is created by `withUnsafe…` for the duration of one system call only, sized by
/// the very value passed as the length argument, so the kernel never writes past it; `recv` writes at
/// most `capacity` bytes into spare capacity that `Array(unsafeUninitializedCapacity:)` then counts as
/// initialized exactly as far as `recv` reported. The descriptor is owned by one object and closed once.
public final class TCPSocket: Sendable {
    private let descriptor: Int32
    /// `host:port` of the peer, for error messages.
    public let peerName: String

    private init(descriptor: Int32, peerName: String) {
        self.descriptor = descriptor
        self.peerName = peerName
    }

    deinit { Glibc.close(descriptor) }

    /// Connects to `host:port` (a name or an IPv4/IPv6 address), trying each resolved address in turn.
    public static func connect(host: String, port: Int) throws(NetworkError) -> TCPSocket {
        let peer = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw NetworkError(peer: peer, operation: "resolve", reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(results) }
        var lastError = ECONNREFUSED
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if descriptor >= 0 {
                if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                    return TCPSocket(descriptor: descriptor, peerName: peer)
                }
                lastError = errno
                Glibc.close(descriptor)
            } else {
                lastError = errno
            }
            candidate = address.pointee.ai_next
        }
        throw NetworkError(peer: peer, operation: "connect", reason: String(cString: strerror(lastError)))
    }

    /// Reads up to `capacity` bytes; an empty result means the peer closed the connection.
    public func receive(upTo capacity: Int) throws(NetworkError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            while true {
                let received = recv(descriptor, buffer.baseAddress, capacity, 0)
                if received >= 0 { initialized = received; return }
                if errno != EINTR { failure = errno; initialized = 0; return }
            }
        }
        if failure != 0 { throw NetworkError(peer: peerName, operation: "receive", reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws(NetworkError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 { offset += sent } else if errno != EINTR { failure = errno; return }
            }
        }
        if failure != 0 { throw NetworkError(peer: peerName, operation: "send", reason: String(cString: strerror(failure))) }
    }

    /// Shuts both directions down, waking a thread blocked in `receive`.
    public func shutdown() { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }

    /// A listening socket on 127.0.0.1 (loopback only), `port` 0 picking a free port.
    public final class Listener: Sendable {
        private let descriptor: Int32
        /// The port actually bound.
        public let port: Int

        public init(port: Int = 0, backlog: Int32 = 16) throws(NetworkError) {
            let peer = "127.0.0.1:\(port)"
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw NetworkError(peer: peer, operation: "socket", reason: String(cString: strerror(errno))) }
            var reuse: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(descriptor, backlog) == 0 else {
                let reason = String(cString: strerror(errno))
                Glibc.close(descriptor)
                throw NetworkError(peer: peer, operation: "listen", reason: reason)
            }
            var actual = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &actual) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            self.descriptor = descriptor
            self.port = Int(UInt16(bigEndian: actual.sin_port))
        }

        deinit { Glibc.close(descriptor) }

        /// Blocks until a client connects.
        public func accept() throws(NetworkError) -> TCPSocket {
            while true {
                let client = Glibc.accept(descriptor, nil, nil)
                if client >= 0 { return TCPSocket(descriptor: client, peerName: "client of 127.0.0.1:\(port)") }
                if errno != EINTR { throw NetworkError(peer: "127.0.0.1:\(port)", operation: "accept", reason: String(cString: strerror(errno))) }
            }
        }

        /// Stops listening, waking a thread blocked in `accept`.
        public func shutdown() { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
    }
}

/// A network call failed; names the peer, the call and the system's reason.
public struct NetworkError: Error, Equatable, CustomStringConvertible {
    public var peer: String
    public var operation: String
    public var reason: String

    public var description: String { "\(peer): \(operation) failed: \(reason)" }
}
