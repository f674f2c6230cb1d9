import Foundation
@testable import ProgressTracking
import Testing

/// Pause, resume and cancel: a state every worker sharing the store reads, recorded in the
/// history, and time while not running left out of active time.
@Suite struct ControlTests {
    let clock = ManualClock()

    private func store(_ backend: Backend) throws -> ProgressStore {
        try backend.newStore(timekeeping: clock.timekeeping())
    }

    @Test(arguments: Backend.all)
    func transitionsFollowTheWrittenRules(backend: Backend) throws {
        let set = try store(backend).trackerSet(named: "job")
        #expect(try set.controlState == .running)
        #expect(try !set.resume())
        #expect(try set.pause())
        #expect(try !set.pause())
        #expect(try set.controlState == .paused)
        #expect(try set.cancel())
        #expect(try set.controlState == .cancelled)
        #expect(try !set.pause()) // cancelled stays cancelled
        #expect(try set.resume())
        #expect(try set.controlState == .running)
        #expect(try set.cancel())
        let kinds = try set.store.history(set: "job").map(\.kind)
        #expect(kinds == [.paused, .cancelled, .resumed, .cancelled])
        #expect(try set.store.history(set: "job").allSatisfy { $0.tracker == nil })
    }

    @Test(arguments: Backend.all)
    func anotherStoreOnTheFileSeesTheState(backend: Backend) throws {
        let location = try backend.newLocation()
        let writer = try location.open(timekeeping: clock.timekeeping()).trackerSet(named: "job")
        let worker = try #require(try location.open(readOnly: true).getTrackerSet(named: "job"))
        try writer.pause()
        #expect(try worker.controlState == .paused)
        try writer.resume()
        #expect(try worker.controlState == .running)
        #expect(try worker.getStatus().state == .running)
        try writer.cancel()
        #expect(try worker.getStatus().state == .cancelled)
        #expect(try worker.summary().state == .cancelled)
    }

    @Test(arguments: Backend.all)
    func timeWhileNotRunningIsNotActiveTimeAndTheRateStartsAnew(backend: Backend) throws {
        let set = try store(backend).trackerSet(named: "job")
        let rows = try set.createTracker("rows", total: 1_000)
        for _ in 0..<10 {
            clock.advance(by: 1)
            try rows.increment(by: 10)
        }
        #expect(try rows.status().elapsed == 9)
        clock.advance(by: 0.5)
        try set.pause()
        clock.advance(by: 600)
        try set.resume()
        var status = try rows.status()
        #expect(status.elapsed == 9.5) // up to the pause; the ten minutes after it are left out
        #expect(status.rate == nil) // no rate across the pause
        for _ in 0..<4 {
            clock.advance(by: 1)
            try rows.increment(by: 5)
        }
        status = try rows.status()
        #expect(status.elapsed == 13.5)
        #expect(status.rate == 5)
        #expect(try set.getStatus().elapsed == 13.5)
    }

    @Test(arguments: Backend.all)
    func aPausedSetStillCounts(backend: Backend) throws {
        let set = try store(backend).trackerSet(named: "job")
        let rows = try set.createTracker("rows", total: 10)
        try set.pause()
        try rows.increment(by: 3)
        #expect(try rows.current == 3)
    }

    @Test(arguments: Backend.all)
    func updatesYieldWhenTheStateChanges(backend: Backend) async throws {
        let set = try store(backend).trackerSet(named: "job")
        var iterator = set.updates(every: .milliseconds(1)).makeAsyncIterator()
        #expect(try await iterator.next()?.state == .running)
        try set.pause()
        #expect(try await iterator.next()?.state == .paused)
        try set.cancel()
        #expect(try await iterator.next()?.state == .cancelled)
    }

    @Test(arguments: Backend.all)
    func aRemovedSetHasNoState(backend: Backend) throws {
        let store = try store(backend)
        let set = try store.trackerSet(named: "job")
        try store.removeTrackerSet(named: "job")
        #expect(throws: ProgressTrackingError.trackerSetRemoved(set: "job")) { try set.controlState }
        #expect(throws: ProgressTrackingError.trackerSetRemoved(set: "job")) { try set.pause() }
    }
}
