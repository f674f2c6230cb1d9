import Foundation
import ProgressTracking
import Synchronization

/// `status.contended`: `getStatus()` of a 10-tracker set from one thread while another thread
/// of the same store waits for the write lock, which another process holds. In WAL mode a
/// reader need not wait for a writer; a store that serializes every call on one connection
/// makes its reads wait out the writer's busy timeout. Compared with the uncontended median
/// on the same store. Library only: it is a property of the store, not of SQL.
struct ContendedStatus {
    let options: Options
    let directory: URL

    func run() throws -> RowResult {
        let path = directory.appendingPathComponent("status.contended.sqlite").path
        try SideKind.library.open(path: path).addTrackers(10)
        // Reads are measured for `window`; the writer waits longer than that, so that it is
        // still waiting at the last read.
        let window = options.quick ? 0.1 : 1.0
        let store = try ProgressStore(path: path, busyTimeout: .milliseconds(Int((window + (options.quick ? 0.3 : 2)) * 1_000)))
        let set = try store.trackerSet(named: "bench")
        guard let tracker = try set.getAllTrackers().first else { throw BenchError("status.contended: no tracker") }

        let uncontended = try readStatuses(of: set, for: window) { true }
        let lockHolder = try BackgroundWorker(["lock", path])
        let writer = BlockedWriter { _ = try? tracker.increment() }
        let contended = try readStatuses(of: set, for: window) { writer.isWaiting }
        _ = try lockHolder.stop()
        writer.join()
        guard !contended.isEmpty else { throw BenchError("status.contended: the writer did not wait") }
        return RowResult(name: "status.contended", unit: "seconds", figures: [
            .init(key: "p50", label: "p50", values: [.library: percentile(0.5, of: contended)]),
            .init(key: "p99", label: "p99", values: [.library: percentile(0.99, of: contended)]),
            .init(key: "uncontended_p50", label: "uncontended p50", values: [.library: percentile(0.5, of: uncontended)]),
        ], details: ["contended_reads": [.library: Double(contended.count)]])
    }

    /// The latency of each `getStatus()` started within `window` seconds while `condition`
    /// holds, 200 µs apart: a reader that never pauses could keep the store's lock from the
    /// writer thread, which then would never get to wait (and people's readers poll).
    private func readStatuses(of set: ProgressTrackerSet, for window: Double, while condition: () -> Bool) throws -> [Double] {
        var latencies: [Double] = []
        let end = now() + window
        while now() < end, condition() {
            let begin = now()
            _ = try set.getStatus()
            latencies.append(now() - begin)
            usleep(200)
        }
        return latencies
    }
}

/// A thread that makes one write which waits for the lock; `isWaiting` until that call returns.
private final class BlockedWriter: Sendable {
    private let waiting = Atomic(true)
    private let done = DispatchSemaphore(value: 0)

    /// Returns once the thread is about to call `write`.
    init(_ write: @escaping @Sendable () -> Void) {
        let started = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            started.signal()
            write()
            waiting.store(false, ordering: .releasing)
            done.signal()
        }
        started.wait()
    }

    var isWaiting: Bool { waiting.load(ordering: .acquiring) }

    func join() { done.wait() }
}
