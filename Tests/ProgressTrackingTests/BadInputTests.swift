import Foundation
import ProgressTracking
import Testing

/// Every bad input throws a typed error naming the problem and the value, and changes nothing.
@Suite struct BadInputTests {
    /// A store with a set "import" and its tracker "rows" at 3 of 10, weight 2.
    struct Fixture {
        let store: ProgressStore
        let set: ProgressTrackerSet
        let tracker: ProgressTracker

        init(_ backend: Backend) throws {
            store = try backend.newStore()
            set = try store.trackerSet(named: "import")
            tracker = try set.createTracker("rows", total: 10, weight: 2)
            try tracker.increment(by: 3)
        }

        /// Runs `body`, expects `error`, and checks that the set reads as before.
        func expectRefused(_ error: ProgressTrackingError, message: String, _ body: () throws -> Void) throws {
            let before = try set.getStatus()
            let sets = try store.allTrackerSets().map(\.name)
            #expect(throws: error, performing: body)
            #expect(error.description == message)
            #expect(try set.getStatus() == before)
            #expect(try tracker.weight == 2)
            #expect(try store.allTrackerSets().map(\.name) == sets)
        }
    }

    @Test(arguments: Backend.all)
    func negativeAmount(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let tracker = fixture.tracker
        try fixture.expectRefused(.negativeAmount(-5), message: "increment must not be negative: -5") {
            try tracker.increment(by: -5)
        }
    }

    @Test(arguments: Backend.all)
    func negativeTotal(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let (set, tracker) = (fixture.set, fixture.tracker)
        try fixture.expectRefused(.negativeTotal(-1), message: "total must not be negative: -1") { try tracker.setTotal(-1) }
        try fixture.expectRefused(.negativeTotal(-2), message: "total must not be negative: -2") {
            try set.createTracker("other", total: -2)
        }
        try fixture.expectRefused(.negativeTotal(-3), message: "total must not be negative: -3") {
            try set.openTracker("rows", total: -3)
        }
    }

    @Test(arguments: Backend.all)
    func negativeCurrent(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let tracker = fixture.tracker
        try fixture.expectRefused(.negativeCurrent(-7), message: "current count must not be negative: -7") {
            try tracker.setCurrent(-7)
        }
    }

    @Test(arguments: Backend.all, [-1.0, .infinity, -.infinity, 1.0000000000000002e18, 1e308, 9.9e-19, .leastNonzeroMagnitude, -.leastNonzeroMagnitude])
    func invalidWeight(backend: Backend, weight: Double) throws {
        let fixture = try Fixture(backend)
        let set = fixture.set
        try fixture.expectRefused(.invalidWeight(weight), message: "weight must be 0 or between 1e-18 and 1e18: \(weight)") {
            try set.openTracker("rows", total: 10, weight: weight)
        }
    }

    @Test(arguments: Backend.all)
    func notANumberWeight(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let set = fixture.set
        let before = try set.getStatus()
        #expect {
            try set.createTracker("nan", total: 1, weight: .nan)
        } throws: { error in
            guard case let ProgressTrackingError.invalidWeight(weight) = error else { return false }
            return weight.isNaN && "\(error)" == "weight must be 0 or between 1e-18 and 1e18: nan"
        }
        #expect(try set.getStatus() == before)
    }

    @Test(arguments: Backend.all)
    func emptyNames(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let (store, set, tracker) = (fixture.store, fixture.set, fixture.tracker)
        try fixture.expectRefused(.emptyName(.tracker), message: "tracker name must not be empty") {
            try set.createTracker("", total: 1)
        }
        try fixture.expectRefused(.emptyName(.trackerSet), message: "tracker set name must not be empty") {
            _ = try store.trackerSet(named: "")
        }
        try fixture.expectRefused(.emptyItemKey, message: "item key must not be empty") {
            try tracker.increment(item: "")
        }
    }

    @Test(arguments: Backend.all)
    func tooLongNames(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let (store, set) = (fixture.store, fixture.set)
        let name = String(repeating: "n", count: 256)
        let message = "tracker set name is 256 UTF-8 bytes long, more than the limit of 255: \"\(name.prefix(40))…\""
        try fixture.expectRefused(.nameTooLong(.trackerSet, name: name, bytes: 256), message: message) {
            _ = try store.trackerSet(named: name)
        }
        try fixture.expectRefused(.nameTooLong(.tracker, name: name, bytes: 256), message: message.replacingOccurrences(of: "tracker set", with: "tracker")) {
            try set.openTracker(name, total: 1)
        }
    }

    @Test(arguments: Backend.all)
    func duplicateCreate(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let set = fixture.set
        try fixture.expectRefused(.trackerExists(tracker: "rows", set: "import"), message: "tracker \"rows\" already exists in set \"import\"") {
            try set.createTracker("rows", total: 99)
        }
    }

    @Test(arguments: Backend.all)
    func countOverflow(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let tracker = fixture.tracker
        try fixture.expectRefused(.countOverflow(tracker: "rows", amount: .max), message: "incrementing tracker \"rows\" by \(Int.max) would overflow its count") {
            try tracker.increment(by: .max)
        }
    }

    @Test(arguments: Backend.all)
    func handleOfRemovedTracker(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let (set, tracker) = (fixture.set, fixture.tracker)
        try set.removeTracker("rows")
        let recreated = try set.createTracker("rows", total: 5)
        let removed = ProgressTrackingError.trackerRemoved(tracker: "rows", set: "import")
        #expect(removed.description == "tracker \"rows\" was removed from set \"import\"")
        #expect(throws: removed) { try tracker.increment() }
        #expect(throws: removed) { try tracker.increment(item: "k") }
        #expect(throws: removed) { try tracker.hasCounted(item: "k") }
        #expect(throws: removed) { try tracker.setCurrent(1) }
        #expect(throws: removed) { try tracker.setTotal(1) }
        #expect(throws: removed) { try tracker.current }
        #expect(try recreated.status().withoutTiming == TrackerStatus(current: 0, total: 5, percent: 0))
    }

    @Test(arguments: Backend.all)
    func handleOfRemovedSet(backend: Backend) throws {
        let fixture = try Fixture(backend)
        let (store, set) = (fixture.store, fixture.set)
        try store.removeTrackerSet(named: "import")
        let removed = ProgressTrackingError.trackerSetRemoved(set: "import")
        #expect(throws: removed) { try set.createTracker("new", total: 1) }
        #expect(throws: removed) { try set.openTracker("new", total: 1) }
        #expect(throws: removed) { try set.getStatus() }
        #expect(throws: removed) { try set.summary() }
        #expect(try store.allTrackerSets().isEmpty)
    }
}
