internal import CProgressTrackingSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection's busy handler: when another connection holds the lock it needs, sleep a
/// short while and try again, until the busy timeout has passed since the first try.
///
/// SQLite's own handler (`sqlite3_busy_timeout`) sleeps 1, 2, 5, 10, … up to 100 ms between
/// tries, so under contention one write can wait hundreds of milliseconds for a lock that is
/// free again within microseconds (a WAL commit holds it for about 10 µs). This one sleeps
/// 10 µs and doubles up to 1 ms: it never spins, and still checks the lock often enough to
/// take it soon after it is released. Benchmarks/ measures it (`increment.4proc`).
final class BusyWait {
    private static let firstSleep: UInt64 = 10_000  // nanoseconds
    private static let longestSleep: UInt64 = 1_000_000

    private let timeout: UInt64
    private var deadline: UInt64 = 0

    init(timeoutMilliseconds: Int32) {
        timeout = UInt64(max(0, timeoutMilliseconds)) * 1_000_000
    }

    /// Makes `self` the busy handler of `handle`, which must not outlive it (see `uninstall`).
    func install(on handle: OpaquePointer) {
        sqlite3_busy_handler(handle, { context, attempts in
            guard let context else { return 0 }
            return Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue().retry(after: attempts) ? 1 : 0
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    static func uninstall(from handle: OpaquePointer) {
        sqlite3_busy_handler(handle, nil, nil)
    }

    /// Sleeps and returns true while the deadline is ahead; `attempts` is SQLite's count of
    /// earlier calls for the same lock (0 on the first).
    private func retry(after attempts: Int32) -> Bool {
        let now = Self.monotonicNanoseconds()
        if attempts == 0 { deadline = now + timeout }
        guard now < deadline else { return false }
        let sleep = min(Self.firstSleep << UInt64(min(attempts, 16)), Self.longestSleep, deadline - now)
        var request = timespec(tv_sec: 0, tv_nsec: Int(sleep))
        nanosleep(&request, nil)
        return true
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
