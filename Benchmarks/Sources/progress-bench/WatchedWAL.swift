import Foundation
import Synchronization

/// `wal.watched` (issue 10, section 7): the peak size of the `-wal` file during a long import
/// with a watcher attached, in bytes, and its size when the import ends. One million
/// increments spread over a 10,000-tracker set, 1,000 per transaction, while another process
/// follows the set (the library with `updates(every: .milliseconds(250))`, the minimal C side
/// by reading its status every 250 ms). A reader that is always reading keeps SQLite from ever
/// starting the log over, so the file grows with the import instead of staying bounded.
struct WatchedWAL {
    let options: Options
    let directory: URL
    static let sides: [SideKind] = [.library, .c]

    func run() throws -> RowResult {
        let trackers = options.quick ? 100 : 10_000
        let increments = options.quick ? 10_000 : 1_000_000
        let batchSize = options.quick ? 100 : 1_000
        var peaks: [SideKind: Double] = [:]
        var finals: [SideKind: Double] = [:]
        var watcherReads: [SideKind: Double] = [:]
        var importSeconds: [SideKind: Double] = [:]
        for kind in options.sides where Self.sides.contains(kind) {
            let path = directory.appendingPathComponent("wal.watched-\(kind.rawValue).sqlite").path
            try kind.open(path: path).addTrackers(trackers)
            guard let side = try kind.open(path: path) as? any SpreadCounting else { throw BenchError("\(kind) cannot spread increments") }
            let before = try side.status().currentSum
            let watcher = try BackgroundWorker(["watch", kind.rawValue, path])
            let sampler = FileSizeSampler(path: path + "-wal")
            let start = now()
            try side.increment(spreadOver: trackers, count: increments, batchSize: batchSize)
            importSeconds[kind] = now() - start
            finals[kind] = Double(sampler.size())
            peaks[kind] = Double(sampler.stop())
            let reads = try watcher.stop()
            guard let count = reads.last.flatMap(Double.init) else { throw BenchError("wal.watched: the watcher said \(reads)") }
            watcherReads[kind] = count
            let after = try side.status().currentSum
            guard after - before == increments else {
                throw BenchError("wal.watched: \(kind) counted \(after - before), expected \(increments)")
            }
        }
        return RowResult(name: "wal.watched", unit: "bytes", values: peaks, details: [
            "final_bytes": finals,
            "watcher_statuses": watcherReads,
            "import_seconds": importSeconds,
        ])
    }
}

/// A side that can count as an import does: `count` increments by 1 in transactions of
/// `batchSize`, the i-th on the set's tracker i % `trackers`.
protocol SpreadCounting: Side {
    func increment(spreadOver trackers: Int, count: Int, batchSize: Int) throws
}

/// A thread that reads a file's size every 2 ms (absent counts as 0) and keeps the largest.
private final class FileSizeSampler: Sendable {
    let path: String
    private let peak = Atomic(0)
    private let stopped = Atomic(false)
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .acquiring) {
                peak.max(size(), ordering: .relaxed)
                usleep(2_000)
            }
            done.signal()
        }
    }

    func size() -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Stops sampling; returns the peak, including the size now.
    func stop() -> Int {
        stopped.store(true, ordering: .releasing)
        done.wait()
        return peak.max(size(), ordering: .relaxed).newValue
    }
}
