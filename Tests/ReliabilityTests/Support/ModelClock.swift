import ProgressTracking
import Synchronization

/// The clock of `ModelTests`' store: it moves only when the test moves it, so that the model
/// knows the time of every write the store makes.
final class ModelClock: Sendable {
    /// Where every run starts, so that failure messages can show times as seconds after it.
    static let start = 1_700_000_000.0

    private let seconds = Mutex(ModelClock.start)

    var now: Double { seconds.withLock { $0 } }

    func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }

    /// How a store reads this clock, keeping at most one progress sample per `sampleInterval`.
    func timekeeping(sampleInterval: Double) -> Timekeeping {
        Timekeeping(now: { self.now }, sampleInterval: sampleInterval)
    }
}
