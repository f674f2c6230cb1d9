#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Synchronization

/// Ctrl-C as a request that long-running commands check between steps, so they stop at a
/// clean point (a committed batch, a finished redraw) instead of wherever the signal lands.
enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Replaces the default SIGINT action (exit at once) with setting the request.
    static func catchControlC() {
        // Initialise the static here, not inside the handler, where lazy initialisation is not safe.
        _ = requested.load(ordering: .relaxed)
        signal(SIGINT) { _ in Interruption.requested.store(true, ordering: .relaxed) }
        // A process inherits its parent's blocked signals (Foundation's `Process` passes on a
        // mask that blocks SIGINT): unblock it, or Ctrl-C would never arrive.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Sleeps for `duration`, or less when a signal arrives (`nanosleep` returns early then).
    static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        nanosleep(&request, nil)
    }

    /// The exit status of a process stopped by Ctrl-C, as shells report it (128 + SIGINT).
    static let exitCode: Int32 = 128 + SIGINT
}
