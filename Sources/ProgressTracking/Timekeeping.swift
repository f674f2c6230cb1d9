internal import ProgressTrackingStorage

/// How a store stamps and samples what it writes: its clock, and how often it keeps a
/// progress sample of a tracker in the history.
///
/// Tests give a store a clock they move by hand, so that timing is exact and no test sleeps.
package struct Timekeeping: Sendable {
    /// The current time as Unix seconds; nil for the storage's own clock, so that every
    /// writer of a store stamps times from one clock (the server's, for a database server).
    package var now: (@Sendable () -> Double)?
    /// At most one progress sample per tracker per this many seconds.
    package var sampleInterval: Double
    /// A tracker's rate is measured over this many seconds before its last change.
    package var rateWindow: Double = 60

    package init(now: (@Sendable () -> Double)?, sampleInterval: Double, rateWindow: Double = 60) {
        self.now = now
        self.sampleInterval = sampleInterval
        self.rateWindow = rateWindow
    }

    package static func storageClock(sampleInterval: Duration) -> Timekeeping {
        Timekeeping(now: nil, sampleInterval: sampleInterval.seconds)
    }

    /// The time to stamp a write on `storage` with.
    func time(on storage: any TrackerStorage) throws(StorageError) -> Double {
        if let now { return now() }
        return try storage.now()
    }
}
