import ProgressTracking
import Testing

/// Random sequences of calls, valid and invalid, applied to a store on disk and to
/// `TrackerSetModel`: after every step both return or throw the same, and read the same.
@Suite struct ModelTests {
    static let steps = 3_000
    static let names = ["a", "b", "c", "d", "e"]
    static let keys = (0..<20).map { "key-\($0)" }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    @Test func randomCallsMatchThePlainModel() throws {
        var random = SeededGenerator(for: "randomCallsMatchThePlainModel")
        let directory = try TestDirectory()
        var set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
        var model = TrackerSetModel(setName: "work")
        // Handles in the order they were made, with the model's identity of their tracker.
        var handles: [(identity: Int, tracker: ProgressTracker)] = []

        for step in 1...Self.steps {
            var call = ""
            /// Fails unless the store's call returned or threw what the model's did.
            func expectSame<T: Equatable>(_ expected: Result<T, ProgressTrackingError>, _ actual: () throws -> T) throws {
                let actual = Result(catching: actual)
                switch (expected, actual) {
                case let (.success(expected), .success(actual)) where expected == actual: return
                case let (.failure(expected), .failure(actual)) where "\(expected)" == "\(actual)": return
                default: throw Mismatch(description: "step \(step), \(call): the model gave \(expected), the store \(actual); seed \(random.seed)")
                }
            }
            let handle = handles.randomElement(using: &random)

            switch Int.random(in: 0..<88, using: &random) {
            case 0..<16:
                let opens = Bool.random(using: &random)
                let (name, total, weight) = (Self.name(&random), Self.total(&random), Self.weight(&random))
                call = "\(opens ? "open" : "create")Tracker(\(name), total: \(total), weight: \(String(describing: weight)))"
                let expected = opens ? model.open(name, total: total, weight: weight) : model.create(name, total: total, weight: weight)
                var made: ProgressTracker?
                try expectSame(expected.map { _ in name }) {
                    made = try opens ? set.openTracker(name, total: total, weight: weight) : set.createTracker(name, total: total, weight: weight)
                    return name
                }
                if case let .success(identity) = expected, let made { handles.append((identity, made)) }
            case 16..<20:
                let name = Self.name(&random)
                call = "removeTracker(\(name))"
                try expectSame(model.remove(name)) { try set.removeTracker(name) }
            case 20..<40:
                guard let (identity, tracker) = handle.map({ ($0.identity, $0.tracker) }) else { break }
                let amount = [Int.random(in: 0...5, using: &random), -1, .max][Self.rarely(&random)]
                call = "\(tracker.name).increment(by: \(amount))"
                try expectSame(model.increment(identity, by: amount).map { true }) { try tracker.increment(by: amount); return true }
            case 40..<60:
                guard let (identity, tracker) = handle.map({ ($0.identity, $0.tracker) }) else { break }
                let key = Self.key(&random)
                call = "\(tracker.name).increment(item: \(key))"
                try expectSame(model.count(identity, item: key)) { try tracker.increment(item: key) }
            case 60..<66:
                guard let (identity, tracker) = handle.map({ ($0.identity, $0.tracker) }) else { break }
                let key = Self.key(&random)
                call = "\(tracker.name).hasCounted(item: \(key))"
                try expectSame(model.hasCounted(identity, item: key)) { try tracker.hasCounted(item: key) }
            case 66..<76:
                guard let (identity, tracker) = handle.map({ ($0.identity, $0.tracker) }) else { break }
                let current = [Int.random(in: 0...25, using: &random), -1, .max][Self.rarely(&random)]
                call = "\(tracker.name).setCurrent(\(current))"
                try expectSame(model.setCurrent(identity, to: current).map { true }) { try tracker.setCurrent(current); return true }
            case 76..<86:
                guard let (identity, tracker) = handle.map({ ($0.identity, $0.tracker) }) else { break }
                let total = Self.total(&random)
                call = "\(tracker.name).setTotal(\(total))"
                try expectSame(model.setTotal(identity, to: total).map { true }) { try tracker.setTotal(total); return true }
            case 86..<88:
                // As a new process would: a new store on the file, handles found again by name.
                call = "reopen"
                set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
                handles = try model.trackers.map { ($0.identity, try #require(try set.getTracker($0.name))) }
            default:
                preconditionFailure("no call drawn")
            }

            let stored = try set.progress()
            guard stored.matches(model.progress) else {
                throw Mismatch(description: "step \(step), after \(call): the store reads \(stored), the model \(model.progress); seed \(random.seed)")
            }
        }
    }

    // MARK: - Random arguments, mostly valid

    /// 0 nine times in ten, else 1 or 2: the index of a usual or an unusual choice.
    static func rarely(_ random: inout SeededGenerator) -> Int {
        Int.random(in: 0..<10, using: &random) < 9 ? 0 : Int.random(in: 1...2, using: &random)
    }

    static func name(_ random: inout SeededGenerator) -> String {
        [names.randomElement(using: &random)!, "", String(repeating: "x", count: 256)][rarely(&random)]
    }

    static func key(_ random: inout SeededGenerator) -> String {
        rarely(&random) == 1 ? "" : keys.randomElement(using: &random)!
    }

    static func total(_ random: inout SeededGenerator) -> Int {
        [Int.random(in: 0...20, using: &random), -3, 0][rarely(&random)]
    }

    static func weight(_ random: inout SeededGenerator) -> Double? {
        guard Bool.random(using: &random) else { return nil }
        return [[0, 1, 2.5].randomElement(using: &random)!, -1, .nan][rarely(&random)]
    }
}
