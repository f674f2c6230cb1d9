#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a store stamps and samples what it writes: its clock, and how often it keeps a
/// progress sample of a tracker in the history.
///
/// Tests give a store a clock they move by hand, so that timing is exact and no test sleeps.
struct Timekeeping: Sendable {
    /// The current time as Unix seconds, the unit of every `*_at` column.
    var now: @Sendable () -> Double
    /// At most one progress sample per tracker per this many seconds.
    var sampleInterval: Double
    /// A tracker's rate is measured over this many seconds before its last change.
    var rateWindow: Double = 60

    static func system(sampleInterval: Duration) -> Timekeeping {
        Timekeeping(now: { Date().timeIntervalSince1970 }, sampleInterval: sampleInterval.seconds)
    }
}
