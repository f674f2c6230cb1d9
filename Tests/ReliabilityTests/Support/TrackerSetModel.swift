import Foundation
import ProgressTracking

/// What one tracker set must hold after a sequence of calls, kept in plain Swift values: the
/// specification that `ModelTests` holds the store to. Each call returns what the library's
/// call must return or throw; a call that throws changes nothing.
///
/// Besides the counts, the model keeps each tracker's times and the set's history, and each
/// call that changes a count or a total follows the documented timing rule, written out
/// again in `TrackerSetModel+Timing.swift` (not taken from the library, so that the test is
/// an independent statement of it). Every call takes the time the store's clock reads then.
/// Items (counted, failed, skipped) follow their rules in `TrackerSetModel+Items.swift`,
/// cursors in `+Cursor.swift`, and the set's pause, resume and cancel in `+Control.swift`.
struct TrackerSetModel {
    struct Tracker {
        /// Which creation this is: a handle stays bound to it, not to the name.
        let identity: Int
        let name: String
        var current = 0
        var total: Int
        var weight: Double?
        /// The item keys counted, by `increment(item:)` or `skip(item:reason:)`.
        var keys: Set<String> = []
        /// Every item that failed, by key, resolved or not.
        var failures: [String: ItemFailure] = [:]
        /// How many items were skipped.
        var skipped = 0
        /// When a `failed` sample was last recorded; nil before the first.
        var failureSampledAt: Double?
        var cursor: String?
        /// The first count.
        var startedAt: Double?
        /// When it last became complete; nil while it is not.
        var completedAt: Double?
        /// The last change of its count or total, its creation, or its resume.
        var updatedAt: Double
        /// When the next progress sample is due: a sample interval after the last change
        /// that was recorded; nil before the start.
        var sampleDueAt: Double?
        /// Downtime between runs, left out of its active time.
        var pausedSeconds = 0.0

        /// Done by its counts, which its fraction cannot tell: Int.max - 1 of Int.max rounds to 1.
        var isDone: Bool { current >= total }
        var fraction: Double { isDone ? 1 : Double(current) / Double(total) }
        /// As `TrackerStatus.percent` documents it: exactly 100 when done, below 100 otherwise.
        var percent: Double { isDone ? 100 : min(100 * fraction, TrackerSetModel.justBelowHundred) }
        /// Items whose failure is unresolved.
        var failed: Int { failures.values.count { $0.resolution == nil } }
    }

    let setName: String
    /// At most one progress sample per tracker per this many seconds.
    let sampleInterval: Double
    /// In creation order.
    var trackers: [Tracker] = []
    /// Every event written, in order.
    private(set) var events: [HistoryEvent] = []
    /// The trackers the current store created or opened: opening any other resumes it.
    var openedByThisStore: Set<Int> = []
    /// Whether the current store resumed a tracker of the set, and took the set's downtime.
    var resumedBySetThisStore = false
    /// When the set itself last changed: its creation, or the removal of a tracker.
    var setTouchedAt: Double
    /// The set's downtime between runs.
    var setPausedSeconds = 0.0
    /// How many changes raised a count and recorded nothing: the counts the hot path takes.
    var quietChanges = 0
    /// What the set's workers are asked to do.
    var state = ControlState.running
    /// When the set last stopped running; nil while it runs.
    var haltedAt: Double?
    private var identities = 0
    /// The name each identity was created with, which errors about it name once it is removed.
    private var names: [Int: String] = [:]

    init(setName: String, sampleInterval: Double, createdAt: Double) {
        self.setName = setName
        self.sampleInterval = sampleInterval
        setTouchedAt = createdAt
    }

    // MARK: - Trackers

    /// Returns the new tracker's identity.
    mutating func create(_ name: String, total: Int, weight: Double?, at now: Double) -> Result<Int, ProgressTrackingError> {
        if let error = Self.invalid(name: name, total: total, weight: weight) { return .failure(error) }
        guard index(named: name) == nil else { return .failure(.trackerExists(tracker: name, set: setName)) }
        identities += 1
        names[identities] = name
        trackers.append(Tracker(identity: identities, name: name, total: total, weight: weight, updatedAt: now))
        record(.created, of: trackers[trackers.count - 1], at: now)
        openedByThisStore.insert(identities)
        return .success(identities)
    }

    /// Returns the identity of the tracker created or found.
    mutating func open(_ name: String, total: Int, weight: Double?, at now: Double) -> Result<Int, ProgressTrackingError> {
        if let error = Self.invalid(name: name, total: total, weight: weight) { return .failure(error) }
        guard let index = index(named: name) else { return create(name, total: total, weight: weight, at: now) }
        if !openedByThisStore.contains(trackers[index].identity) { resume(at: index, now: now) }
        trackers[index].weight = weight ?? trackers[index].weight
        change(at: index, current: trackers[index].current, total: total, now: now)
        return .success(trackers[index].identity)
    }

    mutating func remove(_ name: String, at now: Double) -> Result<Bool, ProgressTrackingError> {
        if let error = Self.invalid(name: name) { return .failure(error) }
        guard let index = index(named: name) else { return .success(false) }
        record(.removed, of: trackers[index], at: now)
        trackers.remove(at: index)
        setTouchedAt = now
        return .success(true)
    }

    /// A new store on the file, as a new process opens it: it has opened no tracker yet.
    mutating func reopenStore() {
        openedByThisStore = []
        resumedBySetThisStore = false
    }

    /// Back to `before`, as a rolled-back transaction leaves the store: what it wrote is gone,
    /// and so are the trackers it opened, which count as not opened by this store again.
    mutating func rollBack(to before: TrackerSetModel) {
        self = before
    }

    /// The events at or after `start`, as `history(set:since:)` returns them.
    /// - Complexity: O(k) for the k events returned, as events are in time order.
    func events(since start: Double?) -> [HistoryEvent] {
        guard let start else { return events }
        var first = events.endIndex
        while first > events.startIndex, events[first - 1].at.timeIntervalSince1970 >= start { first -= 1 }
        return Array(events[first...])
    }

    // MARK: - Counting, through a handle

    mutating func increment(_ identity: Int, by amount: Int, at now: Double) -> Result<Void, ProgressTrackingError> {
        guard amount >= 0 else { return .failure(.negativeAmount(amount)) }
        return update(identity, at: now) { tracker in
            let (sum, overflow) = tracker.current.addingReportingOverflow(amount)
            guard !overflow else { return .countOverflow(tracker: tracker.name, amount: amount) }
            tracker.current = sum
            return nil
        }
    }

    mutating func setCurrent(_ identity: Int, to current: Int, at now: Double) -> Result<Void, ProgressTrackingError> {
        guard current >= 0 else { return .failure(.negativeCurrent(current)) }
        return update(identity, at: now) { tracker in
            tracker.current = current
            return nil
        }
    }

    mutating func setTotal(_ identity: Int, to total: Int, at now: Double) -> Result<Void, ProgressTrackingError> {
        guard total >= 0 else { return .failure(.negativeTotal(total)) }
        return update(identity, at: now) { tracker in
            tracker.total = total
            return nil
        }
    }

    // MARK: - Progress

    static let justBelowHundred = 100.0.nextDown

    /// The seed's formula: Σ wᵢ·fᵢ / Σ wᵢ, the weight being the total unless one was given;
    /// exactly 100 when every tracker that carries weight is done, and below 100 otherwise
    /// (`TrackerSetStatus.overall`), however the ratio rounds.
    var progress: Progress {
        let weights = trackers.map { $0.weight ?? Double($0.total) }
        let weight = weights.reduce(0, +)
        let overall: Double
        if trackers.isEmpty {
            overall = 0
        } else if weight > 0 {
            let ratio = 100 * zip(weights, trackers).map { $0 * $1.fraction }.reduce(0, +) / weight
            overall = zip(weights, trackers).allSatisfy { $0 == 0 || $1.isDone } ? 100 : min(ratio, Self.justBelowHundred)
        } else {
            overall = trackers.allSatisfy(\.isDone) ? 100 : 0
        }
        return Progress(
            trackers: trackers.map {
                .init(
                    name: $0.name, current: $0.current, total: $0.total, percent: $0.percent,
                    failed: $0.failed, skipped: $0.skipped, cursor: $0.cursor
                )
            },
            overall: overall, state: state
        )
    }

    // MARK: - Helpers

    func identity(of name: String) -> Int? {
        trackers.first { $0.name == name }?.identity
    }

    private func index(named name: String) -> Int? {
        trackers.firstIndex { $0.name == name }
    }

    /// Applies `change` to a copy of the tracker unless it was removed, then gives the tracker
    /// its new count and total by the timing rule, after what else `change` changed: the
    /// events the count records show that too. `change` returns an error to refuse.
    mutating func update(
        _ identity: Int, at now: Double, _ change: (inout Tracker) -> ProgressTrackingError?
    ) -> Result<Void, ProgressTrackingError> {
        guard let index = trackers.firstIndex(where: { $0.identity == identity }) else { return .failure(removed(identity)) }
        var tracker = trackers[index]
        if let error = change(&tracker) { return .failure(error) }
        let (current, total) = (tracker.current, tracker.total)
        (tracker.current, tracker.total) = (trackers[index].current, trackers[index].total)
        trackers[index] = tracker
        self.change(at: index, current: current, total: total, now: now)
        return .success(())
    }

    /// Appends the tracker's event, with its counts as they are now.
    mutating func record(_ kind: HistoryEvent.Kind, of tracker: Tracker, at now: Double) {
        events.append(HistoryEvent(
            set: setName, tracker: tracker.name, kind: kind, at: Date(timeIntervalSince1970: now),
            current: tracker.current, total: tracker.total, failed: tracker.failed, skipped: tracker.skipped
        ))
    }

    /// Appends the set's own event, with its trackers' counts added up, saturated at `Int.max`
    /// as the set's other sums are.
    mutating func recordSetEvent(_ kind: HistoryEvent.Kind, at now: Double) {
        func sum(_ count: (Tracker) -> Int) -> Int {
            trackers.reduce(0) { sum, tracker in
                let (added, overflow) = sum.addingReportingOverflow(count(tracker))
                return overflow ? .max : added
            }
        }
        events.append(HistoryEvent(
            set: setName, tracker: nil, kind: kind, at: Date(timeIntervalSince1970: now),
            current: sum(\.current), total: sum(\.total), failed: sum(\.failed), skipped: sum(\.skipped)
        ))
    }

    /// The tracker with that identity, or the error a call through a handle to it throws.
    func tracker(_ identity: Int) -> Result<Tracker, ProgressTrackingError> {
        trackers.first { $0.identity == identity }.map { .success($0) } ?? .failure(removed(identity))
    }

    func removed(_ identity: Int) -> ProgressTrackingError {
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
