internal import CProgressTrackingLibPQ
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

// MARK: - Sending and receiving within a deadline
//
// libpq's blocking calls (`PQexec`, `PQexecPrepared`) wait in `poll()` with no timeout, so a
// server that stops answering would hold the caller forever. Every call here instead uses
// libpq's asynchronous API on a non-blocking connection (PostgreSQL docs, "Asynchronous
// Command Processing"): queue the request, `PQflush` it, and read with `PQconsumeInput` and
// `PQisBusy`, waiting in our own `poll()` on `PQsocket` until the call's deadline. A call
// makes the system calls of libpq's blocking path (a send, a poll, a receive) plus one
// non-blocking receive before sending (see `liveHandle`), about a microsecond.

extension PostgresConnection {
    /// The open connection, or the error to throw when it is closed or broken.
    func liveHandle(for sql: String?) throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw PostgresError(
                .connectionLost, message: "the connection is closed; reconnect() opens a new one", sql: sql,
                connection: description)
        }
        // Read what the server sent since the last call (one non-blocking read, usually of
        // nothing): a session it ended meanwhile left its reason there, and is reported lost
        // before anything is sent, rather than as "server closed the connection" after.
        guard PQconsumeInput(handle) == 1, PQisBusy(handle) == 0, farewell == nil, PQstatus(handle) == CONNECTION_OK else {
            throw abandon(handle, sql: sql)
        }
        return handle
    }

    /// The deadline of a call that starts now.
    func replyDeadline() -> ContinuousClock.Instant {
        .now + timeouts.reply
    }

    /// Sends everything libpq has queued, reading meanwhile: a server whose replies fill the
    /// socket stops reading, and a client that only writes would then wait forever.
    func flush(_ handle: OpaquePointer, until deadline: ContinuousClock.Instant, sql: String?) throws(PostgresError) {
        while true {
            switch PQflush(handle) {
            case 0:
                roundTrips += 1
                return
            case 1:
                if try waitForSocket(of: handle, writable: true, until: deadline, sql: sql), PQconsumeInput(handle) == 0 {
                    throw abandon(handle, sql: sql)
                }
            default:
                throw abandon(handle, sql: sql)
            }
        }
    }

    /// The next result of the request in flight, nil when a statement has no more.
    /// The caller owns the result and must `PQclear` it.
    func nextResult(_ handle: OpaquePointer, until deadline: ContinuousClock.Instant, sql: String?) throws(PostgresError) -> OpaquePointer? {
        while PQisBusy(handle) == 1 {
            try waitForSocket(of: handle, writable: false, until: deadline, sql: sql)
            guard PQconsumeInput(handle) == 1 else { throw abandon(handle, sql: sql) }
        }
        return PQgetResult(handle)
    }

    /// Waits until the socket is readable (or, if asked, writable) or the deadline passes.
    /// - Returns: whether the socket is readable, which includes an error or hang-up for libpq to read.
    @discardableResult
    private func waitForSocket(
        of handle: OpaquePointer, writable: Bool, until deadline: ContinuousClock.Instant, sql: String?
    ) throws(PostgresError) -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw abandon(handle, sql: sql) }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN) | (writable ? Int16(POLLOUT) : 0), revents: 0)
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else {
                throw abandon(handle, message: "no reply within \(timeouts.reply); the connection was closed", sql: sql)
            }
            switch poll(&descriptor, 1, Int32(clamping: remaining.milliseconds)) {
            case 0:
                continue
            case -1:
                guard errno == EINTR else { throw abandon(handle, message: "poll() failed with errno \(errno)", sql: sql) }
            default:
                return descriptor.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0
            }
        }
    }

    /// Closes a connection that broke, or gave no reply in time, and returns the error that
    /// says so. Closing at once, rather than at `reconnect()`, tells a live server to roll back
    /// and release the session's locks now.
    func abandon(_ handle: OpaquePointer, message: String? = nil, sqlState: SQLState? = nil, sql: String?) -> PostgresError {
        // The server's own reason, when it gave one, says more than libpq's "server closed
        // the connection unexpectedly".
        let reason = message.map { (sqlState, $0) } ?? farewell ?? (sqlState, libpqMessage(of: handle))
        close()
        return PostgresError(.connectionLost, message: reason.1, sqlState: reason.0, sql: sql, connection: description)
    }

    /// The error a failed result reports: the server's fields when it sent them, libpq's
    /// message otherwise. Closes the connection if the failure broke it.
    func failure(of result: OpaquePointer, on handle: OpaquePointer, sql: String?) -> PostgresError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { secrets.redact(String(cString: $0)) }
        }
        let sqlState = field("C").map(SQLState.init(rawValue:))
        let message = field("M") ?? libpqMessage(of: handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            return abandon(handle, message: message, sqlState: sqlState, sql: sql)
        }
        return PostgresError(.statementFailed, message: message, sqlState: sqlState, detail: field("D"), sql: sql)
    }
}
