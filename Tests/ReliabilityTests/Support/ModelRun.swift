import Foundation
import ProgressTracking
import Testing

/// One run of `ModelTests`: the store and the model, the clock they share, the handles made
/// so far, and the seeded generator that chooses every call, argument and clock move.
struct ModelRun {
    static let names = ["a", "b", "c", "d", "e"]
    static let keys = (0..<20).map { "key-\($0)" }
    static let longestKey = String(repeating: "k", count: TrackerSetModel.maximumItemKeyBytes)
    static let tooLongKey = longestKey + "k"
    static let sampleInterval = 1.0
    /// How far the clock moves between calls: not at all, less than the resolution of a time
    /// near 2023 (about 2e-7 s), fractions that add up to the sample interval exactly or not
    /// quite (0.1), the interval itself and more, and the downtime of a process that stopped.
    static let clockMoves = [0, 0, 0, 1e-7, 0.001, 0.1, 0.25, 0.25, 0.5, 0.5, 0.75, 1, 1, 1.5, 2, 30, 3_600]

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    let clock = ModelClock()
    var random: SeededGenerator
    var set: ProgressTrackerSet
    var model: TrackerSetModel
    /// A handle, with the model's identity of its tracker.
    typealias Handle = (identity: Int, tracker: ProgressTracker)

    /// Handles in the order they were made.
    var handles: [Handle] = []
    var steps = 0
    /// The call being made, for failure messages.
    var call = ""

    init(path: String, random: SeededGenerator) throws {
        self.path = path
        self.random = random
        let start = clock.now
        model = TrackerSetModel(setName: "work", sampleInterval: Self.sampleInterval, createdAt: start)
        set = try ProgressStore(path: path, timekeeping: clock.timekeeping(sampleInterval: Self.sampleInterval)).trackerSet(named: "work")
    }

    /// Makes `call` on the model; returns what it predicts.
    mutating func predict<T>(_ call: (inout TrackerSetModel) -> T) -> T {
        call(&model)
    }

    /// One random call, or a reopening, or a transaction of a few calls, after the clock
    /// moved; then the store must read as the model does.
    mutating func step() throws {
        steps += 1
        moveClock()
        let stepStart = clock.now
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<2: try reopen()
        case 2..<8: try transaction()
        default: try randomCall()
        }
        // This step's events only: reading the whole history after every step would cost
        // more than the rest of the run. It is read whole now and then.
        try check(since: steps.isMultiple(of: 250) ? nil : stepStart)
    }

    /// Fails unless the store reads as a model does: the same counts, state, failures and
    /// times, and the same history from `start` on (all of it if nil).
    mutating func check(since start: Double?) throws {
        let status = try set.getStatus()
        let stored = Progress(status)
        guard stored.matches(model.progress) else {
            throw mismatch("after \(call): the store reads \(stored), the model \(model.progress)")
        }
        let summary = try set.summary()
        guard summary.state == model.state else {
            throw mismatch("after \(call): the store's summary says \(summary.state), the model \(model.state)")
        }
        let failures = try set.failures(.all)
        guard case .success(failures) = model.failures(of: nil, .all, limit: nil) else {
            throw mismatch("after \(call): the store lists the failures \(failures), the model \(model.failures(of: nil, .all, limit: nil))")
        }
        let timing = Timing(status, summary)
        let history = try set.store.history(set: "work", since: start.map(Date.init(timeIntervalSince1970:)))
        guard timing.matches(model.timing), history == model.events(since: start) else {
            throw mismatch("after \(call): " + (timing.matches(model.timing)
                ? historyDifference(history, model.events(since: start), since: start)
                : "the store's times are \(timing); the model's \(model.timing)"))
        }
    }

    /// Where the store's history and the model's part, for a failure message.
    func historyDifference(_ stored: [HistoryEvent], _ expected: [HistoryEvent], since start: Double?) -> String {
        let first = zip(stored, expected).enumerated().first { $1.0 != $1.1 }?.offset ?? min(stored.count, expected.count)
        func text(_ events: [HistoryEvent]) -> String {
            events[first...].prefix(8).map(\.modelText).joined(separator: ", ")
        }
        return "the history differs from event \(first) of \(expected.count)"
            + "\(start.map { " since \(Timing.text($0))" } ?? ""): the store has [\(text(stored))], the model [\(text(expected))]"
    }

    mutating func moveClock() {
        clock.advance(by: Self.clockMoves.randomElement(using: &random)!)
    }

    /// As a new process would: a new store on the file, and handles found again by name.
    mutating func reopen() throws {
        call = "reopen"
        set = try ProgressStore(path: path, timekeeping: clock.timekeeping(sampleInterval: Self.sampleInterval)).trackerSet(named: "work")
        predict { $0.reopenStore() }
        handles = try model.trackers.map { ($0.identity, try #require(try set.getTracker($0.name))) }
    }

    /// Up to five calls in one transaction, the clock moving between them, committed or rolled
    /// back. A call that throws inside is caught, as by a body that goes on after a bad item.
    mutating func transaction() throws {
        struct RollBack: Error {}
        let before = (model, handles)
        let calls = Int.random(in: 1...5, using: &random)
        let rollsBack = Bool.random(using: &random)
        var made: [String] = []
        do {
            try set.store.transaction {
                for index in 0..<calls {
                    if index > 0 { moveClock() }
                    try randomCall()
                    made.append(call)
                }
                if rollsBack { throw RollBack() }
            }
        } catch is RollBack {
            model.rollBack(to: before.0)
            handles = before.1
        }
        call = "a transaction, \(rollsBack ? "rolled back" : "committed"), of [\(made.joined(separator: "; "))]"
    }

    /// One random call on the store and the model.
    mutating func randomCall() throws {
        let handle = handles.randomElement(using: &random)
        let now = clock.now
        call = "at \(Timing.text(now)): "
        switch Int.random(in: 0..<110, using: &random) {
        case 0..<16:
            let opens = Bool.random(using: &random)
            let (name, total, weight) = (name(), total(), weight())
            call += "\(opens ? "open" : "create")Tracker(\(name), total: \(total), weight: \(String(describing: weight)))"
            let expected = opens
                ? predict { $0.open(name, total: total, weight: weight, at: now) } : predict { $0.create(name, total: total, weight: weight, at: now) }
            var made: ProgressTracker?
            try expectSame(expected.map { _ in name }) {
                made = try opens ? set.openTracker(name, total: total, weight: weight) : set.createTracker(name, total: total, weight: weight)
                return name
            }
            if case let .success(identity) = expected, let made { handles.append((identity, made)) }
        case 16..<20:
            let name = name()
            call += "removeTracker(\(name))"
            try expectSame(predict { $0.remove(name, at: now) }) { try set.removeTracker(name) }
        case 20..<40:
            guard let (identity, tracker) = handle else { return }
            let amount = [edge(of: identity, or: Int.random(in: 0...5, using: &random)) { [$0.total - $0.current] }, -1, .max][rarely()]
            call += "\(tracker.name).increment(by: \(amount))"
            try expectSame(predict { $0.increment(identity, by: amount, at: now) }.map { true }) { try tracker.increment(by: amount); return true }
        case 40..<60:
            guard let (identity, tracker) = handle else { return }
            let key = key()
            call += "\(tracker.name).increment(item: \(Self.shown(key)))"
            try expectSame(predict { $0.count(identity, item: key, at: now) }) { try tracker.increment(item: key) }
        case 60..<66:
            guard let (identity, tracker) = handle else { return }
            let key = key()
            call += "\(tracker.name).hasCounted(item: \(Self.shown(key)))"
            try expectSame(model.hasCounted(identity, item: key)) { try tracker.hasCounted(item: key) }
        case 66..<76:
            guard let (identity, tracker) = handle else { return }
            let usual = edge(of: identity, or: Int.random(in: 0...25, using: &random)) { [$0.total, $0.total, $0.current &+ 1, $0.current, $0.current - 1] }
            let current = [usual, -1, .max][rarely()]
            call += "\(tracker.name).setCurrent(\(current))"
            try expectSame(predict { $0.setCurrent(identity, to: current, at: now) }.map { true }) { try tracker.setCurrent(current); return true }
        case 76..<86:
            guard let (identity, tracker) = handle else { return }
            let total = edge(of: identity, or: total()) { [$0.current, $0.current &+ 1] }
            call += "\(tracker.name).setTotal(\(total))"
            try expectSame(predict { $0.setTotal(identity, to: total, at: now) }.map { true }) { try tracker.setTotal(total); return true }
        case 86..<94:
            try fail(handle, at: now)
        case 94..<98:
            try skip(handle, at: now)
        case 98..<101:
            try readFailures(handle)
        case 101..<105:
            try cursorCall(handle)
        default:
            try controlCall(at: now)
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

    /// One time in two, one of the values `edges` gives for the tracker as the model has it,
    /// such as the count that reaches its total exactly; else `usual`. Values below 0 (and a
    /// count past `Int.max` wrapped around) are left for the calls that choose invalid ones.
    mutating func edge(of identity: Int, or usual: Int, _ edges: (TrackerSetModel.Tracker) -> [Int]) -> Int {
        guard Bool.random(using: &random), let tracker = model.trackers.first(where: { $0.identity == identity }),
            let edge = edges(tracker).filter({ $0 >= 0 }).randomElement(using: &random)
        else { return usual }
        return edge
    }

    /// A key of the pool, which trackers share so that counts, failures and skips of one key
    /// meet often; rarely an empty key, one with NUL, one of the longest or one too long
    /// (these two less often: a store in a debug build takes milliseconds over each).
    mutating func key() -> String {
        unusually(Self.keys.randomElement(using: &random)!, or: ["", "", "key-\u{0}", Self.longestKey, Self.tooLongKey])
    }

    /// `usual` nine times in ten, else one of `unusual`.
    mutating func unusually<T>(_ usual: T, or unusual: [T]) -> T {
        rarely() == 0 ? usual : unusual.randomElement(using: &random)!
    }

    /// A text for a failure message: long ones cut, NUL shown.
    static func shown(_ text: String?) -> String {
        guard let text else { return "nil" }
        let bytes = text.utf8.count
        return bytes > 40 ? "\(String(reflecting: String(text.prefix(8))))… (\(bytes) bytes)" : String(reflecting: text)
    }

    mutating func total() -> Int {
        [Int.random(in: 0...20, using: &random), -3, 0][rarely()]
    }

    mutating func weight() -> Double? {
        guard Bool.random(using: &random) else { return nil }
        return [[0, 1, 2.5].randomElement(using: &random)!, -1, .nan][rarely()]
    }
}
