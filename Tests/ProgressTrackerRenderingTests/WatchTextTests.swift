import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct WatchTextTests {
    private let changed = Date(timeIntervalSince1970: 1_800_000_000)
    private let text = WatchText(staleAfter: .seconds(30))

    private func status(overall: Double = 40, rate: Double? = 0.52, eta: Double? = 80, updated: Bool = true) -> TrackerSetStatus {
        TrackerSetStatus(
            trackers: ["a": TrackerStatus(current: 4, total: 10, percent: 40)], overall: overall, order: ["a"],
            updatedAt: updated ? changed : nil, rate: rate, eta: eta
        )
    }

    @Test func aLiveSetShowsItsRateAndEstimate() {
        #expect(text.pace(status(), now: changed + 29.9) == "rate 0.52%/s, eta 1m 20s")
        #expect(!text.isQuiet(status(), now: changed + 29.9))
        #expect(text.pace(status(rate: nil, eta: nil), now: changed + 1) == nil)  // not known yet
    }

    @Test func aSetThatStoppedChangingSaysForHowLong() {
        #expect(text.pace(status(), now: changed + 30) == "no change for 30s")
        #expect(text.pace(status(), now: changed + 130) == "no change for 2m 10s")
        #expect(text.pace(status(rate: nil, eta: nil), now: changed + 3_725) == "no change for 1h 2m 5s")
        #expect(text.isQuiet(status(), now: changed + 30))
        #expect(text.logLine(status(), now: changed + 130) == "2027-01-15T08:02:10Z overall 40.0% | a 4/10 40.0% | no change for 2m 10s")
    }

    @Test func aFinishedSetOrOneThatNeverChangedHasNoNote() {
        #expect(text.pace(status(overall: 100), now: changed + 1_000) == nil)
        #expect(!text.isQuiet(status(overall: 100), now: changed + 1_000))
        #expect(text.pace(status(rate: nil, eta: nil, updated: false), now: changed + 1_000) == nil)
    }

    @Test func anyRateOrEstimateGivesALine() {
        for rate in [Double.nan, .infinity, -1, 0, 1e300] {
            for eta in [Double.nan, .infinity, -.infinity, -1, 0] {
                _ = text.pace(status(rate: rate, eta: eta), now: changed)
            }
        }
        #expect(text.pace(status(rate: .nan, eta: 3), now: changed) == nil)
        #expect(text.pace(status(rate: 1, eta: .infinity), now: changed) == "rate 1.00%/s, eta 99999h 59m 59s")
    }

    @Test func theFrameIsTheTableAndThePaceLine() {
        let frame = text.frame(status(), now: changed + 130, width: 60)
        #expect(frame.count == 3)
        #expect(frame.last == "no change for 2m 10s")
        #expect(frame.dropLast() == StatusTable.lines(status(), width: 60)[...])
    }

    @Test func aPausedOrCancelledSetSaysSoInsteadOfAPaceOrAQuietTime() {
        var paused = status()
        paused.state = .paused
        for now in [changed + 1, changed + 1_000] {
            #expect(text.pace(paused, now: now) == "paused: its workers wait until the set is resumed")
            #expect(!text.isQuiet(paused, now: now))
        }
        var cancelled = status()
        cancelled.state = .cancelled
        #expect(text.logLine(cancelled, now: changed + 130) == "2027-01-15T08:02:10Z overall 40.0% | a 4/10 40.0% | cancelled: its workers stop until the set is resumed")
        cancelled.overall = 100
        #expect(text.pace(cancelled, now: changed) == nil)  // done: nothing to wait for
    }
}
