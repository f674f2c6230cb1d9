import ProgressTracking
import Testing

/// Random sequences of calls, valid and invalid, applied to a store on disk and to
/// `TrackerSetModel`: after every step both return or throw the same, and read the same.
@Suite struct ModelTests {
    @Test func randomCallsMatchThePlainModel() throws {
        let directory = try TestDirectory()
        var run = try ModelRun(path: directory.storePath, random: SeededGenerator(for: "randomCallsMatchThePlainModel"))
        for _ in 0..<3_000 { try run.step() }
    }
}

/// One run of `ModelTests`: the store and the model, the handles made so far, and the seeded
/// generator that chooses every call and argument.
struct ModelRun {
    static let names = ["a", "b", "c", "d", "e"]
    static let keys = (0..<20).map { "key-\($0)" }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    var random: SeededGenerator
    var set: ProgressTrackerSet
    var model = TrackerSetModel(setName: "work")
    /// Handles in the order they were made, with the model's identity of their tracker.
    var handles: [(identity: Int, tracker: ProgressTracker)] = []
    var steps = 0
    /// The call being made, for failure messages.
    var call = ""

    init(path: String, random: SeededGenerator) throws {
        self.path = path
        self.random = random
        set = try ProgressStore(path: path).trackerSet(named: "work")
    }

    /// One random call, or a reopening, or a transaction of a few calls; then the store must
    /// read as the model does.
    mutating func step() throws {
        steps += 1
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<2: try reopen()
        case 2..<8: try transaction()
        default: try randomCall()
        }
        let stored = try set.progress()
        guard stored.matches(model.progress) else {
            throw mismatch("after \(call): the store reads \(stored), the model \(model.progress)")
        }
    }

    /// As a new process would: a new store on the file, and handles found again by name.
    mutating func reopen() throws {
        call = "reopen"
        set = try ProgressStore(path: path).trackerSet(named: "work")
        handles = try model.trackers.map { ($0.identity, try #require(try set.getTracker($0.name))) }
    }

    /// Up to five calls in one transaction, committed or rolled back. A call that throws inside
    /// is caught, as by a body that goes on after a bad item.
    mutating func transaction() throws {
        struct RollBack: Error {}
        let before = (model, handles)
        let calls = Int.random(in: 1...5, using: &random)
        let rollsBack = Bool.random(using: &random)
        do {
            try set.store.transaction {
                for _ in 0..<calls { try randomCall() }
                if rollsBack { throw RollBack() }
            }
        } catch is RollBack {
            (model, handles) = before
        }
        call = "a transaction of \(calls) calls, \(rollsBack ? "rolled back" : "committed")"
    }

    mutating func randomCall() throws {
        let handle = handles.randomElement(using: &random)
        switch Int.random(in: 0..<86, using: &random) {
        case 0..<16:
            let opens = Bool.random(using: &random)
            let (name, total, weight) = (name(), total(), weight())
            call = "\(opens ? "open" : "create")Tracker(\(name), total: \(total), weight: \(String(describing: weight)))"
            let expected = opens ? model.open(name, total: total, weight: weight) : model.create(name, total: total, weight: weight)
            var made: ProgressTracker?
            try expectSame(expected.map { _ in name }) {
                made = try opens ? set.openTracker(name, total: total, weight: weight) : set.createTracker(name, total: total, weight: weight)
                return name
            }
            if case let .success(identity) = expected, let made { handles.append((identity, made)) }
        case 16..<20:
            let name = name()
            call = "removeTracker(\(name))"
            try expectSame(model.remove(name)) { try set.removeTracker(name) }
        case 20..<40:
            guard let (identity, tracker) = handle else { return }
            let amount = [Int.random(in: 0...5, using: &random), -1, .max][rarely()]
            call = "\(tracker.name).increment(by: \(amount))"
            try expectSame(model.increment(identity, by: amount).map { true }) { try tracker.increment(by: amount); return true }
        case 40..<60:
            guard let (identity, tracker) = handle else { return }
            let key = key()
            call = "\(tracker.name).increment(item: \(key))"
            try expectSame(model.count(identity, item: key)) { try tracker.increment(item: key) }
        case 60..<66:
            guard let (identity, tracker) = handle else { return }
            let key = key()
            call = "\(tracker.name).hasCounted(item: \(key))"
            try expectSame(model.hasCounted(identity, item: key)) { try tracker.hasCounted(item: key) }
        case 66..<76:
            guard let (identity, tracker) = handle else { return }
            let current = [Int.random(in: 0...25, using: &random), -1, .max][rarely()]
            call = "\(tracker.name).setCurrent(\(current))"
            try expectSame(model.setCurrent(identity, to: current).map { true }) { try tracker.setCurrent(current); return true }
        default:
            guard let (identity, tracker) = handle else { return }
            let total = total()
            call = "\(tracker.name).setTotal(\(total))"
            try expectSame(model.setTotal(identity, to: total).map { true }) { try tracker.setTotal(total); return true }
        }
    }

    /// Fails unless the store's call returned or threw what the model's did.
    func expectSame<T: Equatable>(_ expected: Result<T, ProgressTrackingError>, _ actual: () throws -> T) throws {
        let actual = Result(catching: actual)
        switch (expected, actual) {
        case let (.success(expected), .success(actual)) where expected == actual: return
        case let (.failure(expected), .failure(actual)) where "\(expected)" == "\(actual)": return
        default: throw mismatch("\(call): the model gave \(expected), the store \(actual)")
        }
    }

    func mismatch(_ problem: String) -> Mismatch {
        Mismatch(description: "step \(steps), \(problem); seed \(random.seed)")
    }

    // MARK: - Random arguments, mostly valid

    /// 0 nine times in ten, else 1 or 2: the index of a usual or an unusual choice.
    mutating func rarely() -> Int {
        Int.random(in: 0..<10, using: &random) < 9 ? 0 : Int.random(in: 1...2, using: &random)
    }

    mutating func name() -> String {
        [Self.names.randomElement(using: &random)!, "", String(repeating: "x", count: 256)][rarely()]
    }

    mutating func key() -> String {
        rarely() == 1 ? "" : Self.keys.randomElement(using: &random)!
    }

    mutating func total() -> Int {
        [Int.random(in: 0...20, using: &random), -3, 0][rarely()]
    }

    mutating func weight() -> Double? {
        guard Bool.random(using: &random) else { return nil }
        return [[0, 1, 2.5].randomElement(using: &random)!, -1, .nan][rarely()]
    }
}
