/// How long a connection waits before it gives up: together, the bound on every call.
///
/// Two mechanisms bound a call, because neither covers what the other does:
/// - `deadPeer` is handed to the kernel (libpq's `keepalives*` and `tcp_user_timeout`): TCP
///   drops the connection when the server's host stops acknowledging, whether we are sending
///   (unacknowledged data) or waiting for a reply (unanswered keepalive probes). It never
///   cuts a slow but live server short, because the server's kernel keeps answering probes
///   while a statement waits for a lock. It does not apply to Unix sockets.
///   The server gets the same settings for its end (`tcp_keepalives_*`, `tcp_user_timeout`,
///   sent as startup `options`), so that it too notices a client host that vanished and ends
///   its session, releasing its locks, instead of waiting for the kernel's two-hour default.
/// - `reply` is enforced here, with `poll()` on the connection's socket: no call waits longer
///   for its reply, whatever the cause (a stopped server process, a Unix socket, a platform
///   without `TCP_USER_TIMEOUT`). Past it the connection is closed and the call throws
///   `connectionLost`, so it must exceed the longest legitimate statement; server-side
///   `statement_timeout` and `lock_timeout` are the way to end those cleanly first.
package struct PostgresTimeouts: Sendable, Equatable {
    /// The longest a connection attempt may take (libpq's `connect_timeout`, which counts whole
    /// seconds, at least 2, and applies to each host address tried). Name resolution is not
    /// covered: libpq resolves names before it starts the clock.
    package var connect: Duration
    /// How long the server's host may stay silent on TCP before the connection is dropped:
    /// a vanished network is reported within about this plus one keepalive interval
    /// (a quarter of it, at least a second).
    package var deadPeer: Duration
    /// The longest one call waits for the server's complete reply.
    package var reply: Duration

    package init(connect: Duration, deadPeer: Duration, reply: Duration) {
        self.connect = connect
        self.deadPeer = deadPeer
        self.reply = reply
    }

    /// 10 s to connect, 10 s for a silent peer, 60 s for any reply.
    package static let `default` = PostgresTimeouts(connect: .seconds(10), deadPeer: .seconds(10), reply: .seconds(60))

    /// The libpq connection parameters that carry `connect` and `deadPeer`. A connection
    /// string that sets `options` itself replaces the server's half.
    var libpqParameters: [(keyword: String, value: String)] {
        let deadPeerMilliseconds = max(1, deadPeer.milliseconds)
        let probeInterval = max(1, deadPeerMilliseconds / 4_000)
        let serverSide = [
            "tcp_keepalives_idle=\(probeInterval)", "tcp_keepalives_interval=\(probeInterval)",
            "tcp_keepalives_count=4", "tcp_user_timeout=\(deadPeerMilliseconds)",
        ]
        return [
            ("connect_timeout", String(max(2, (connect.milliseconds + 999) / 1_000))),
            ("keepalives", "1"),
            ("keepalives_idle", String(probeInterval)),
            ("keepalives_interval", String(probeInterval)),
            // Counts only where TCP_USER_TIMEOUT is missing: four unanswered probes.
            ("keepalives_count", "4"),
            ("tcp_user_timeout", String(deadPeerMilliseconds)),
            ("options", serverSide.map { "-c \($0)" }.joined(separator: " ")),
        ]
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, so that a wait never ends early.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
