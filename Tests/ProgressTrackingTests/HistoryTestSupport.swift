import Foundation
import Synchronization
@testable import ProgressTracking

extension TrackerStatus {
    /// The seed's part of the status: current, total and percent, for comparing with the
    /// seed's examples, which have no timing.
    var withoutTiming: TrackerStatus {
        TrackerStatus(current: current, total: total, percent: percent)
    }
}

extension TrackerSetStatus {
    /// The seed's part of the status; see `TrackerStatus.withoutTiming`.
    var withoutTiming: TrackerSetStatus {
        TrackerSetStatus(trackers: trackers.mapValues(\.withoutTiming), overall: overall, order: order)
    }
}

/// A clock that moves only when a test moves it, so that times are exact and no test sleeps.
final class ManualClock: Sendable {
    private let seconds: Mutex<Double>

    init(at start: Double = 1_700_000_000) {
        seconds = Mutex(start)
    }

    var now: Double { seconds.withLock { $0 } }

    func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }

    /// Timekeeping for a store that reads this clock.
    func timekeeping(sampleInterval: Double = 1) -> Timekeeping {
        Timekeeping(now: { self.now }, sampleInterval: sampleInterval)
    }
}
