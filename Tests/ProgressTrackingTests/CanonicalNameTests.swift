import Foundation
import ProgressTracking
import Testing

/// Two names that Swift's `String ==` calls equal are one name everywhere; so are two keys.
@Suite struct CanonicalNameTests {
    /// A new store and its set "names".
    private func newSet(_ backend: Backend) throws -> (ProgressStore, ProgressTrackerSet) {
        let store = try backend.newStore()
        return (store, try store.trackerSet(named: "names"))
    }

    /// Pairs of spellings: composed and decomposed, the Ångström sign and Å, Hangul syllables
    /// and their jamo, accents in either order; and, as a control, pairs Swift tells apart
    /// (a compatibility ligature, a different letter).
    static let pairs: [(String, String)] = [
        ("n\u{E9}", "ne\u{301}"),
        ("\u{212B}ngstr\u{F6}m", "\u{C5}ngstro\u{308}m"),
        ("\u{D55C}\u{AE00}", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"),
        ("q\u{323}\u{307}", "q\u{307}\u{323}"),
        ("\u{FB01}le", "file"),
        ("cafe", "caf\u{E9}"),
    ]

    @Test(arguments: Backend.all, pairs)
    func trackerNamesFollowSwiftsEquality(backend: Backend, pair: (String, String)) throws {
        let (first, second) = pair
        let (store, set) = try newSet(backend)
        let tracker = try set.createTracker(first, total: 10)
        try tracker.increment(by: 2)
        if first == second {
            #expect(throws: ProgressTrackingError.trackerExists(tracker: tracker.name, set: "names")) {
                try set.createTracker(second, total: 10)
            }
            try set.openTracker(second, total: 10).increment(by: 3)
            #expect(try set.getTracker(second)?.current == 5)
            let status = try set.getStatus()
            #expect(status.order.count == 1)
            #expect(status.trackers[second]?.current == 5)
            #expect(try store.history(set: "names", tracker: second).map(\.kind).first == .created)
            #expect(try set.removeTracker(second))
            #expect(try set.getAllTrackers().isEmpty)
        } else {
            try set.createTracker(second, total: 10)
            #expect(try set.getAllTrackers().count == 2)
            #expect(try set.getTracker(second)?.current == 0)
        }
    }

    @Test(arguments: Backend.all, pairs)
    func setNamesFollowSwiftsEquality(backend: Backend, pair: (String, String)) throws {
        let (first, second) = pair
        let (store, _) = try newSet(backend)
        try store.trackerSet(named: first).createTracker("t", total: 1)
        let other = try store.trackerSet(named: second)
        #expect(try other.getAllTrackers().isEmpty == (first != second))
        #expect(try store.allTrackerSets().count == (first == second ? 2 : 3))
        #expect(try store.removeTrackerSet(named: second))
        #expect(try store.getTrackerSet(named: first) == nil || first != second)
    }

    @Test(arguments: Backend.all, pairs)
    func itemKeysFollowSwiftsEquality(backend: Backend, pair: (String, String)) throws {
        let (first, second) = pair
        let (_, set) = try newSet(backend)
        let tracker = try set.createTracker("items", total: 10)
        #expect(try tracker.increment(item: first))
        #expect(try tracker.increment(item: second) == (first != second))
        #expect(try tracker.hasCounted(item: second))
        #expect(try tracker.current == (first == second ? 1 : 2))
    }

    @Test(arguments: Backend.all)
    func aHandleKeepsTheCanonicalName(backend: Backend) throws {
        let (_, set) = try newSet(backend)
        let tracker = try set.createTracker("ne\u{301}", total: 1)
        #expect(tracker.name.unicodeScalars.elementsEqual("n\u{E9}".unicodeScalars))
        #expect(try set.getStatus().order.first.map { $0.unicodeScalars.elementsEqual("n\u{E9}".unicodeScalars) } == true)
    }

    @Test(arguments: Backend.all)
    func namesAndKeysWithNULAreRefused(backend: Backend) throws {
        let (store, set) = try newSet(backend)
        #expect(throws: ProgressTrackingError.nullCharacter(.trackerName, value: "a\u{0}b")) {
            try set.createTracker("a\u{0}b", total: 1)
        }
        #expect(throws: ProgressTrackingError.nullCharacter(.trackerSetName, value: "\u{0}")) {
            try store.trackerSet(named: "\u{0}")
        }
        let tracker = try set.createTracker("t", total: 1)
        for key in ["\u{0}abc", "a\u{0}b", "abc\u{0}"] {
            #expect(throws: ProgressTrackingError.nullCharacter(.itemKey, value: key)) { try tracker.increment(item: key) }
        }
        #expect(try tracker.current == 0)
        #expect(ProgressTrackingError.nullCharacter(.itemKey, value: "a\u{0}b").description
            == "item key must not contain the NUL character (U+0000): \"a\\0b\"")
    }

    @Test(arguments: Backend.all)
    func keysLongerThanTheLimitAreRefused(backend: Backend) throws {
        let (_, set) = try newSet(backend)
        let tracker = try set.createTracker("t", total: 1)
        let atLimit = String(repeating: "k", count: 65_536)
        #expect(try tracker.increment(item: atLimit))
        let over = atLimit + "k"
        #expect(throws: ProgressTrackingError.itemKeyTooLong(key: over, bytes: 65_537)) { try tracker.increment(item: over) }
        #expect(try tracker.current == 1)
    }

    @Test(arguments: Backend.all)
    func theByteLimitIsOnTheCanonicalForm(backend: Backend) throws {
        let (_, set) = try newSet(backend)
        // 85 × U+0958 is 255 bytes, but its canonical form is two scalars each: 510 bytes.
        let expanding = String(repeating: "\u{958}", count: 85)
        #expect(expanding.utf8.count == 255)
        let error = try #require(throws: ProgressTrackingError.self) { try set.createTracker(expanding, total: 1) }
        guard case let .nameTooLong(.tracker, _, bytes) = error else { Issue.record("got \(error)"); return }
        #expect(bytes == 510)
    }
}
