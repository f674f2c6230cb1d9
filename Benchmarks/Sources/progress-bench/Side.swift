import ProgressTracking

/// One way of running the library's operations on one file: the library itself, the minimal
/// C baseline, or GRDB. Each side owns one open file holding one set,
/// "bench", whose first tracker takes the increments.
protocol Side: AnyObject {
    /// Adds trackers "t0", "t1", … with total 100 in one transaction, tracker i counted to i % 150.
    func addTrackers(_ count: Int) throws
    /// `count` autocommit increments by 1 of the first tracker.
    func increment(times count: Int) throws
    /// `batches` transactions of `size` increments by 1 each.
    func increment(batches: Int, of size: Int) throws
    /// Counts `count` new item keys on the first tracker: autocommit when `batchSize` is nil.
    func countItems(_ count: Int, batchSize: Int?) throws
    /// Records `count` failures of new item keys on the first tracker, each autocommit, with
    /// `failureReason`.
    func fail(items count: Int) throws
    /// The number of failed items stored for the first tracker.
    func failureCount() throws -> Int
    func overall() throws -> Double
    /// Reads every tracker's status; returns what the check compares.
    func status() throws -> StatusDigest
    /// The first tracker's count.
    func current() throws -> Int
}

/// What the quick check compares of a status read: matching digests mean the same rows were read.
struct StatusDigest: Equatable {
    var overall: Double
    var trackerCount: Int
    var currentSum: Int

    /// Counts equal and overall equal to within a relative 1e-12: the minimal C side sums the
    /// same terms as the library's view, but SQLite may visit the rows in another order, and a
    /// floating-point sum in another order may differ in its last bits.
    func matches(_ other: StatusDigest) -> Bool {
        trackerCount == other.trackerCount && currentSum == other.currentSum
            && abs(overall - other.overall) <= 1e-12 * max(abs(overall), abs(other.overall))
    }
}

/// The sides, in the order each round runs them. The raw values are the names of `--side`
/// and of the JSON: `c` is the minimal C baseline, the targets' denominator.
enum SideKind: String, CaseIterable {
    case library
    case c
    #if GRDB
    case grdb
    #endif

    /// Opens (creating and migrating) the file at `path`, with the set "bench" in it.
    func open(path: String, durability: Durability = .normal) throws -> any Side {
        switch self {
        case .library: try LibrarySide(path: path, durability: durability)
        case .c: try CSide(.minimal, path: path, durability: durability)
        #if GRDB
        case .grdb: try GRDBSide(path: path, durability: durability)
        #endif
        }
    }
}

/// The item key numbered `n`, the same text on every side. Counted and failed items take
/// their numbers from one sequence per side, so that each is new.
func itemKey(_ n: Int) -> String { "item-\(n)" }

/// Why `fail(items:)` says an item failed: a short fixed text, as a real import's reasons are.
let failureReason = "timed out"

/// Tracker i of `addTrackers` is counted to this, so that the sets hold partial, complete and over-counted trackers.
func initialCount(ofTracker index: Int) -> Int { index % 150 }
