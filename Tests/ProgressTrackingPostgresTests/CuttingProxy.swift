#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing

/// A TCP relay to the test server that loses one exchange on purpose, as a network link
/// dropped at the worst moment would: after `cut(_:)`, the next request any client sends (a
/// COMMIT, when the cut is armed just before it), or the reply to it once the server has
/// acted on it. Either way both sides of that connection are then closed. Every other
/// byte passes through unchanged, and connections made after a cut are relayed normally.
final class CuttingProxy: Sendable {
    enum Cut: Sendable, CustomTestStringConvertible {
        /// The request never reaches the server: a COMMIT then never happens.
        case request
        /// The request reaches the server, which acts on it, and its reply is lost.
        case reply

        var testDescription: String { self == .request ? "request lost" : "reply lost" }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The local port clients connect to, on 127.0.0.1.
    let port: Int
    private let listener: Int32
    private let targetPort: Int
    private let armed = Mutex<Cut?>(nil)
    private let cutsMade = Mutex(0)

    /// Relays 127.0.0.1:`port` to 127.0.0.1:`targetPort`.
    init(to targetPort: Int) throws {
        self.targetPort = targetPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw Failure(description: "cannot listen on loopback: errno \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptConnections() }.start()
    }

    deinit {
        // Ends the accept loop; relayed connections end when their client closes them.
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Loses the next request a client sends, or the reply to it.
    func cut(_ cut: Cut) {
        armed.withLock { $0 = cut }
    }

    /// How many exchanges were lost so far.
    var cuts: Int {
        cutsMade.withLock { $0 }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0, errno == EINTR { continue }
            guard client >= 0 else { return }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            guard connected else {
                close(client)
                close(server)
                continue
            }
            Thread { [self] in relay(client: client, server: server) }.start()
        }
    }

    private func relay(client: Int32, server: Int32) {
        defer {
            // shutdown, not only close: a process started meanwhile may hold a copy of a socket.
            for socket in [client, server] {
                shutdown(socket, Int32(SHUT_RDWR))
                close(socket)
            }
        }
        var losingReply = false
        var sockets = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            guard poll(&sockets, 2, -1) > 0 else {
                if errno == EINTR { continue }
                return
            }
            for (index, from, to) in [(0, client, server), (1, server, client)] where sockets[index].revents != 0 {
                let count = read(from, &buffer, buffer.count)
                guard count > 0 else { return }
                if index == 0, let cut = armed.withLock({ armed in defer { armed = nil }; return armed }) {
                    guard cut == .reply else { return madeCut() }
                    losingReply = true
                } else if index == 1, losingReply {
                    return madeCut()
                }
                guard Self.write(buffer[..<count], to: to) else { return }
            }
        }
    }

    private func madeCut() {
        cutsMade.withLock { $0 += 1 }
    }

    private static func write(_ bytes: ArraySlice<UInt8>, to socket: Int32) -> Bool {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            rest = rest.dropFirst(written)
        }
        return true
    }
}
