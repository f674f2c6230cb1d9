import Foundation
import ProgressTracking
import Testing

/// Every bad input throws a typed error naming the problem and the value, and changes nothing.
@Suite struct BadInputTests {
    let store: ProgressStore
    let set: ProgressTrackerSet
    let tracker: ProgressTracker

    init() throws {
        store = try ProgressStore.inMemory()
        set = try store.trackerSet(named: "import")
        tracker = try set.createTracker("rows", total: 10, weight: 2)
        try tracker.increment(by: 3)
    }

    /// Runs `body`, expects `error`, and checks that the set reads as before.
    private func expectRefused(_ error: ProgressTrackingError, message: String, _ body: () throws -> Void) throws {
        let before = try set.getStatus()
        let sets = try store.allTrackerSets().map(\.name)
        #expect(throws: error, performing: body)
        #expect(error.description == message)
        #expect(try set.getStatus() == before)
        #expect(try tracker.weight == 2)
        #expect(try store.allTrackerSets().map(\.name) == sets)
    }

    @Test func negativeAmount() throws {
        try expectRefused(.negativeAmount(-5), message: "increment must not be negative: -5") {
            try tracker.increment(by: -5)
        }
    }

    @Test func negativeTotal() throws {
        try expectRefused(.negativeTotal(-1), message: "total must not be negative: -1") { try tracker.setTotal(-1) }
        try expectRefused(.negativeTotal(-2), message: "total must not be negative: -2") {
            try set.createTracker("other", total: -2)
        }
        try expectRefused(.negativeTotal(-3), message: "total must not be negative: -3") {
            try set.openTracker("rows", total: -3)
        }
    }

    @Test func negativeCurrent() throws {
        try expectRefused(.negativeCurrent(-7), message: "current count must not be negative: -7") {
            try tracker.setCurrent(-7)
        }
    }

    @Test(arguments: [-1.0, .infinity, -.infinity, 1.0000000000000002e18, 1e308, 9.9e-19, .leastNonzeroMagnitude, -.leastNonzeroMagnitude])
    func invalidWeight(weight: Double) throws {
        try expectRefused(.invalidWeight(weight), message: "weight must be 0 or between 1e-18 and 1e18: \(weight)") {
            try set.openTracker("rows", total: 10, weight: weight)
        }
    }

    @Test func notANumberWeight() throws {
        let before = try set.getStatus()
        #expect {
            try set.createTracker("nan", total: 1, weight: .nan)
        } throws: { error in
            guard case let ProgressTrackingError.invalidWeight(weight) = error else { return false }
            return weight.isNaN && "\(error)" == "weight must be 0 or between 1e-18 and 1e18: nan"
        }
        #expect(try set.getStatus() == before)
    }

    @Test func emptyNames() throws {
        try expectRefused(.emptyName(.tracker), message: "tracker name must not be empty") {
            try set.createTracker("", total: 1)
        }
        try expectRefused(.emptyName(.trackerSet), message: "tracker set name must not be empty") {
            _ = try store.trackerSet(named: "")
        }
        try expectRefused(.emptyItemKey, message: "item key must not be empty") {
            try tracker.increment(item: "")
        }
    }

    @Test func tooLongNames() throws {
        let name = String(repeating: "n", count: 256)
        let message = "tracker set name is 256 UTF-8 bytes long, more than the limit of 255: \"\(name.prefix(40))…\""
        try expectRefused(.nameTooLong(.trackerSet, name: name, bytes: 256), message: message) {
            _ = try store.trackerSet(named: name)
        }
        try expectRefused(.nameTooLong(.tracker, name: name, bytes: 256), message: message.replacingOccurrences(of: "tracker set", with: "tracker")) {
            try set.openTracker(name, total: 1)
        }
    }

    @Test func duplicateCreate() throws {
        try expectRefused(.trackerExists(tracker: "rows", set: "import"), message: "tracker \"rows\" already exists in set \"import\"") {
            try set.createTracker("rows", total: 99)
        }
    }

    @Test func countOverflow() throws {
        try expectRefused(.countOverflow(tracker: "rows", amount: .max), message: "incrementing tracker \"rows\" by \(Int.max) would overflow its count") {
            try tracker.increment(by: .max)
        }
    }

    @Test func handleOfRemovedTracker() throws {
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

    @Test func handleOfRemovedSet() throws {
        try store.removeTrackerSet(named: "import")
        let removed = ProgressTrackingError.trackerSetRemoved(set: "import")
        #expect(throws: removed) { try set.createTracker("new", total: 1) }
        #expect(throws: removed) { try set.openTracker("new", total: 1) }
        #expect(throws: removed) { try set.getStatus() }
        #expect(throws: removed) { try set.summary() }
        #expect(try store.allTrackerSets().isEmpty)
    }
}
