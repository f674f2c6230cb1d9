import ProgressTracking

/// What one tracker set must hold after a sequence of calls, kept in plain Swift values: the
/// specification that `ModelTests` holds the store to. Each call returns what the library's
/// call must return or throw; a call that throws changes nothing.
struct TrackerSetModel {
    struct Tracker {
        /// Which creation this is: a handle stays bound to it, not to the name.
        let identity: Int
        let name: String
        var current = 0
        var total: Int
        var weight: Double?
        var keys: Set<String> = []

        var fraction: Double { current >= total ? 1 : Double(current) / Double(total) }
    }

    let setName: String
    /// In creation order.
    private(set) var trackers: [Tracker] = []
    private var identities = 0
    /// The name each identity was created with, which errors about it name once it is removed.
    private var names: [Int: String] = [:]

    init(setName: String) {
        self.setName = setName
    }

    // MARK: - Trackers

    /// Returns the new tracker's identity.
    mutating func create(_ name: String, total: Int, weight: Double?) -> Result<Int, ProgressTrackingError> {
        if let error = Self.invalid(name: name, total: total, weight: weight) { return .failure(error) }
        guard index(named: name) == nil else { return .failure(.trackerExists(tracker: name, set: setName)) }
        identities += 1
        names[identities] = name
        trackers.append(Tracker(identity: identities, name: name, total: total, weight: weight))
        return .success(identities)
    }

    /// Returns the identity of the tracker created or found.
    mutating func open(_ name: String, total: Int, weight: Double?) -> Result<Int, ProgressTrackingError> {
        if let error = Self.invalid(name: name, total: total, weight: weight) { return .failure(error) }
        guard let index = index(named: name) else { return create(name, total: total, weight: weight) }
        trackers[index].total = total
        trackers[index].weight = weight ?? trackers[index].weight
        return .success(trackers[index].identity)
    }

    mutating func remove(_ name: String) -> Result<Bool, ProgressTrackingError> {
        if let error = Self.invalid(name: name) { return .failure(error) }
        guard let index = index(named: name) else { return .success(false) }
        trackers.remove(at: index)
        return .success(true)
    }

    // MARK: - Counting, through a handle

    mutating func increment(_ identity: Int, by amount: Int) -> Result<Void, ProgressTrackingError> {
        guard amount >= 0 else { return .failure(.negativeAmount(amount)) }
        return update(identity) { tracker in
            let (sum, overflow) = tracker.current.addingReportingOverflow(amount)
            guard !overflow else { return .countOverflow(tracker: tracker.name, amount: amount) }
            tracker.current = sum
            return nil
        }
    }

    mutating func count(_ identity: Int, item key: String) -> Result<Bool, ProgressTrackingError> {
        guard !key.isEmpty else { return .failure(.emptyItemKey) }
        var new = false
        return update(identity) { tracker in
            guard !tracker.keys.contains(key) else { return nil }
            guard tracker.current < Int.max else { return .countOverflow(tracker: tracker.name, amount: 1) }
            tracker.keys.insert(key)
            tracker.current += 1
            new = true
            return nil
        }.map { new }
    }

    func hasCounted(_ identity: Int, item key: String) -> Result<Bool, ProgressTrackingError> {
        guard !key.isEmpty else { return .failure(.emptyItemKey) }
        guard let tracker = trackers.first(where: { $0.identity == identity }) else { return .failure(removed(identity)) }
        return .success(tracker.keys.contains(key))
    }

    mutating func setCurrent(_ identity: Int, to current: Int) -> Result<Void, ProgressTrackingError> {
        guard current >= 0 else { return .failure(.negativeCurrent(current)) }
        return update(identity) { tracker in
            tracker.current = current
            return nil
        }
    }

    mutating func setTotal(_ identity: Int, to total: Int) -> Result<Void, ProgressTrackingError> {
        guard total >= 0 else { return .failure(.negativeTotal(total)) }
        return update(identity) { tracker in
            tracker.total = total
            return nil
        }
    }

    // MARK: - Progress

    /// The seed's formula: Σ wᵢ·fᵢ / Σ wᵢ, the weight being the total unless one was given.
    var progress: Progress {
        let weights = trackers.map { $0.weight ?? Double($0.total) }
        let weight = weights.reduce(0, +)
        let overall: Double
        if trackers.isEmpty {
            overall = 0
        } else if weight > 0 {
            overall = 100 * zip(weights, trackers).map { $0 * $1.fraction }.reduce(0, +) / weight
        } else {
            overall = trackers.allSatisfy { $0.fraction == 1 } ? 100 : 0
        }
        return Progress(
            trackers: trackers.map { .init(name: $0.name, current: $0.current, total: $0.total, percent: 100 * $0.fraction) },
            overall: overall
        )
    }

    // MARK: - Helpers

    func identity(of name: String) -> Int? {
        trackers.first { $0.name == name }?.identity
    }

    private func index(named name: String) -> Int? {
        trackers.firstIndex { $0.name == name }
    }

    /// Applies `change` to the tracker unless it was removed; `change` returns an error to refuse.
    private mutating func update(
        _ identity: Int, _ change: (inout Tracker) -> ProgressTrackingError?
    ) -> Result<Void, ProgressTrackingError> {
        guard let index = trackers.firstIndex(where: { $0.identity == identity }) else { return .failure(removed(identity)) }
        var tracker = trackers[index]
        if let error = change(&tracker) { return .failure(error) }
        trackers[index] = tracker
        return .success(())
    }

    private func removed(_ identity: Int) -> ProgressTrackingError {
        .trackerRemoved(tracker: names[identity] ?? "?", set: setName)
    }

    private static func invalid(name: String, total: Int = 0, weight: Double? = nil) -> ProgressTrackingError? {
        let bytes = name.utf8.count
        if bytes == 0 { return .emptyName(.tracker) }
        if bytes > 255 { return .nameTooLong(.tracker, name: name, bytes: bytes) }
        if total < 0 { return .negativeTotal(total) }
        if let weight, !weight.isFinite || weight < 0 { return .invalidWeight(weight) }
        return nil
    }
}
