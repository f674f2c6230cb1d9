import ProgressTracking

/// One way of running the library's operations on one file: the library itself, the C
/// baseline, or GRDB. Each side owns one open file holding one set, "bench", whose first
/// tracker takes the increments.
protocol Side: AnyObject {
    /// Opens (creating and migrating) the file at `path`, with the set "bench" in it.
    init(path: String, durability: Durability) throws

    /// Adds trackers "t0", "t1", … with total 100 in one transaction, tracker i counted to i % 150.
    func addTrackers(_ count: Int) throws
    /// `count` autocommit increments by 1 of the first tracker.
    func increment(times count: Int) throws
    /// `batches` transactions of `size` increments by 1 each.
    func increment(batches: Int, of size: Int) throws
    /// Counts `count` new item keys on the first tracker: autocommit when `batchSize` is nil.
    func countItems(_ count: Int, batchSize: Int?) throws
    func overall() throws -> Double
    /// Reads every tracker's status; returns what the check compares.
    func status() throws -> StatusDigest
    /// The first tracker's count.
    func current() throws -> Int
}

/// What the quick check compares of a status read: equal digests mean the same rows were read.
struct StatusDigest: Equatable {
    var overall: Double
    var trackerCount: Int
    var currentSum: Int
}

/// The sides, in the order each round runs them.
enum SideKind: String, CaseIterable {
    case library, c
    #if GRDB
    case grdb
    #endif

    func open(path: String, durability: Durability = .normal) throws -> any Side {
        switch self {
        case .library: try LibrarySide(path: path, durability: durability)
        case .c: try CSide(path: path, durability: durability)
        #if GRDB
        case .grdb: try GRDBSide(path: path, durability: durability)
        #endif
        }
    }
}

/// The item key numbered `n`, the same text on every side.
func itemKey(_ n: Int) -> String { "item-\(n)" }

/// Tracker i of `addTrackers` is counted to this, so that the sets hold partial, complete and over-counted trackers.
func initialCount(ofTracker index: Int) -> Int { index % 150 }
