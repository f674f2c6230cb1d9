import Foundation
import ProgressTracking

/// The times a set's status and summary report, as Unix seconds: each tracker's start, last
/// change, completion and active time, and the set's. `ModelTests` compares the store's with
/// the model's after every step.
struct Timing: CustomStringConvertible {
    struct Tracker {
        let name: String
        let startedAt: Double?
        let updatedAt: Double?
        let completedAt: Double?
        let elapsed: Double
    }

    struct SetTimes {
        var startedAt: Double?
        var updatedAt: Double?
        var completedAt: Double?
        var elapsed: Double
    }

    let trackers: [Tracker]
    /// As `getStatus()` reports it.
    let set: SetTimes
    /// As `summary()` reports it.
    let summary: SetTimes

    init(trackers: [Tracker], set: SetTimes, summary: SetTimes) {
        self.trackers = trackers
        self.set = set
        self.summary = summary
    }

    init(_ status: TrackerSetStatus, _ summary: TrackerSetSummary) {
        trackers = status.order.map { name in
            let tracker = status.trackers[name]
            return Tracker(
                name: name, startedAt: tracker?.startedAt?.timeIntervalSince1970, updatedAt: tracker?.updatedAt?.timeIntervalSince1970,
                completedAt: tracker?.completedAt?.timeIntervalSince1970, elapsed: tracker?.elapsed ?? -1
            )
        }
        set = SetTimes(
            startedAt: status.startedAt?.timeIntervalSince1970, updatedAt: status.updatedAt?.timeIntervalSince1970,
            completedAt: status.completedAt?.timeIntervalSince1970, elapsed: status.elapsed
        )
        self.summary = SetTimes(
            startedAt: summary.startedAt?.timeIntervalSince1970, updatedAt: summary.updatedAt.timeIntervalSince1970,
            completedAt: summary.completedAt?.timeIntervalSince1970, elapsed: summary.elapsed
        )
    }

    /// Equal times, and active times equal up to the rounding of sums of downtime.
    func matches(_ other: Timing) -> Bool {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 }
        func same(_ a: SetTimes, _ b: SetTimes) -> Bool {
            a.startedAt == b.startedAt && a.updatedAt == b.updatedAt && a.completedAt == b.completedAt && close(a.elapsed, b.elapsed)
        }
        return trackers.count == other.trackers.count
            && zip(trackers, other.trackers).allSatisfy {
                $0.name == $1.name && $0.startedAt == $1.startedAt && $0.updatedAt == $1.updatedAt
                    && $0.completedAt == $1.completedAt && close($0.elapsed, $1.elapsed)
            }
            && same(set, other.set) && same(summary, other.summary)
    }

    var description: String {
        func text(_ set: SetTimes) -> String {
            "started \(Self.text(set.startedAt)), updated \(Self.text(set.updatedAt)), completed \(Self.text(set.completedAt)), elapsed \(set.elapsed)"
        }
        let trackerTexts = trackers.map {
            "\($0.name): started \(Self.text($0.startedAt)), updated \(Self.text($0.updatedAt)), "
                + "completed \(Self.text($0.completedAt)), elapsed \($0.elapsed)"
        }
        return (trackerTexts + ["set: " + text(set), "summary: " + text(summary)]).joined(separator: "; ")
    }

    /// Times in messages are seconds after `ModelClock`'s start, which reads better than a date.
    static func text(_ time: Double?) -> String {
        time.map { "t+\($0 - ModelClock.start)" } ?? "nil"
    }
}

extension HistoryEvent {
    /// One line of a history in a failure message.
    var modelText: String {
        "\(Timing.text(at.timeIntervalSince1970)) \(tracker ?? "*") \(kind.rawValue) \(current)/\(total)"
            + (failed == 0 ? "" : " \(failed) failed") + (skipped == 0 ? "" : " \(skipped) skipped")
    }
}
