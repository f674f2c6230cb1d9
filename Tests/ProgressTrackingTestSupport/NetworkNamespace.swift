import Foundation

/// A test host with a network of its own: a Linux network namespace joined to this one by a
/// veth pair, each end with an address from a /30 of the test subnet. Its processes reach the
/// test server over real TCP at `hostAddress`, and `setLink(up:)` cuts and restores that
/// network while their connections are open.
///
/// Two ways to put code on the host:
/// - `run { … }` moves the calling thread into the namespace for the duration of a
///   synchronous closure: sockets opened there (a libpq connection) stay in the namespace
///   for their whole life, while the test process itself stays here.
/// - `commandPrefix` (`ip netns exec NAME`) runs a whole worker process there.
///
/// Needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) and iproute2; `unavailableReason` says why not.
/// `remove()`, also called on deinit, deletes the namespace and both ends of the link;
/// namespaces left behind by a test process that was killed are deleted by the next one.
package final class NetworkNamespace {
    /// The namespace's name, for `ip netns`.
    package let name: String
    /// This namespace's end of the link: the address processes inside connect to.
    package let hostAddress: String
    /// The namespace's own end, which the server sees as the client's address.
    package let address: String
    /// This namespace's end of the veth pair.
    package let hostInterface: String
    /// The namespace's end: taking it down cuts the host off.
    private let interface: String
    private var isRemoved = false

    /// Why namespaces cannot be made here, or nil when they can (tried once per process).
    package static let unavailableReason: String? = probe()

    private static let namePrefix = "progress-tracking-"

    /// Creates the namespace and its link, up.
    /// - Parameter subnet: `a.b.0.0/16`, by default the one the test server trusts.
    package init(subnet: String = TestPostgres.configured?.networkNamespaceSubnet ?? "198.18.0.0/16") throws {
        let octets = subnet.split(separator: "/")[0].split(separator: ".")
        guard subnet.hasSuffix("/16"), octets.count == 4 else {
            throw NetworkNamespaceError("the subnet must be a /16 such as 198.18.0.0/16, not \(subnet)")
        }
        Self.removeLeftovers()
        // The veth pair's name claims a slot: creating it fails if another process (another
        // test run on this machine) holds the same one, and then the next slot is tried.
        let slotCount = 16_384  // /30s in a /16
        let firstSlot = Int.random(in: 0..<slotCount)
        var claimed: Int?
        for attempt in 0..<64 {
            let slot = (firstSlot + attempt) % slotCount
            do {
                try Self.ip("link", "add", "ptv\(slot)h", "type", "veth", "peer", "name", "ptv\(slot)n")
                claimed = slot
                break
            } catch let error as CommandError where error.description.contains("File exists") {
                continue
            }
        }
        guard let slot = claimed else { throw NetworkNamespaceError("no free veth slot after 64 tries") }
        let network = "\(octets[0]).\(octets[1]).\(slot / 64)"
        let firstAddress = (slot % 64) * 4  // the /30's network address
        name = "\(Self.namePrefix)\(getpid())-\(slot)"
        hostInterface = "ptv\(slot)h"
        hostAddress = "\(network).\(firstAddress + 1)"
        address = "\(network).\(firstAddress + 2)"
        interface = "ptv\(slot)n"
        let inside = interface
        do {
            try Self.ip("netns", "add", name)
            try Self.ip("link", "set", inside, "netns", name)
            try Self.ip("addr", "add", "\(hostAddress)/30", "dev", hostInterface)
            try Self.ip("link", "set", hostInterface, "up")
            try Self.ip("-n", name, "addr", "add", "\(address)/30", "dev", inside)
            try Self.ip("-n", name, "link", "set", inside, "up")
            try Self.ip("-n", name, "link", "set", "lo", "up")
        } catch {
            remove()
            throw error
        }
    }

    deinit {
        remove()
    }

    /// Deletes the namespace and the link. Safe to call more than once.
    package func remove() {
        guard !isRemoved else { return }
        isRemoved = true
        // Deleting the namespace deletes its end of the pair, and with it ours; the second
        // command covers a namespace that was never made.
        _ = try? ip("netns", "delete", name)
        _ = try? ip("link", "delete", hostInterface)
    }

    /// Takes the host's network down, or brings it back up.
    ///
    /// It is the namespace's own end that goes down, as a host's network would: the server's
    /// end stays up and its packets to the host vanish, so its keepalive probes go unanswered
    /// and count. Taking the server's end down instead would remove its route to the host,
    /// and Linux does not count a probe it could not send: the server would never notice.
    package func setLink(up: Bool) throws {
        try ip("-n", name, "link", "set", interface, up ? "up" : "down")
    }

    /// Runs `body` on the calling thread moved into the namespace, and moves the thread back.
    /// `body` is synchronous, so no other task can run on the thread meanwhile.
    package func run<T>(_ body: () throws -> T) throws -> T {
        let original = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)
        guard original >= 0 else { throw NetworkNamespaceError("cannot open this thread's namespace: errno \(errno)") }
        defer { Glibc.close(original) }
        let target = open("/run/netns/\(name)", O_RDONLY | O_CLOEXEC)
        guard target >= 0 else { throw NetworkNamespaceError("cannot open namespace \(name): errno \(errno)") }
        defer { Glibc.close(target) }
        guard Self.setNetworkNamespace(target, Self.cloneNewNet) == 0 else {
            throw NetworkNamespaceError("setns into \(name) failed: errno \(errno)")
        }
        defer {
            // A cooperative-pool thread left in a test namespace would run other tests there.
            guard Self.setNetworkNamespace(original, Self.cloneNewNet) == 0 else {
                fatalError("cannot move the thread back from namespace \(name): errno \(errno)")
            }
        }
        return try body()
    }

    /// The command line prefix that runs a program in the namespace.
    package var commandPrefix: [String] { [Self.ipPath ?? "ip", "netns", "exec", name] }

    // MARK: - Helpers

    /// Glibc declares `setns` only under _GNU_SOURCE, which Swift's Glibc module is not built
    /// with, so it is looked up at run time.
    private typealias SetNamespace = @convention(c) (Int32, Int32) -> Int32
    private static let setNetworkNamespace: SetNamespace = unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "setns"), to: SetNamespace.self)
    /// CLONE_NEWNET from <sched.h>, hidden behind _GNU_SOURCE too.
    private static let cloneNewNet: Int32 = 0x4000_0000

    private static let ipPath = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private static func probe() -> String? {
        guard geteuid() == 0 else { return "network namespaces need root (CAP_NET_ADMIN and CAP_SYS_ADMIN)" }
        guard ipPath != nil else { return "iproute2's ip is not installed" }
        let name = "\(namePrefix)probe-\(getpid())"
        do {
            try ip("netns", "add", name)
            try ip("netns", "delete", name)
            return nil
        } catch {
            return "cannot create a network namespace: \(error)"
        }
    }

    /// Deletes the namespaces of test processes that no longer run.
    private static func removeLeftovers() {
        guard let list = try? ip("netns", "list") else { return }
        for line in list.split(separator: "\n") {
            let name = String(line.split(separator: " ")[0])
            guard name.hasPrefix(namePrefix),
                let pid = Int32(name.dropFirst(namePrefix.count).split(separator: "-")[0]),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            _ = try? ip("netns", "delete", name)
        }
    }

    @discardableResult
    private func ip(_ arguments: String...) throws -> String {
        try Self.ip(arguments)
    }

    @discardableResult
    private static func ip(_ arguments: String...) throws -> String {
        try ip(arguments)
    }

    private static func ip(_ arguments: [String]) throws -> String {
        guard let ipPath else { throw NetworkNamespaceError("iproute2's ip is not installed") }
        return try Command.run(ipPath, arguments)
    }
}

/// A failure to set up or enter a `NetworkNamespace` (failures of `ip` are `CommandError`s).
package struct NetworkNamespaceError: Error, CustomStringConvertible {
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
