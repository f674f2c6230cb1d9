import Foundation
import ProgressTracking

/// Items by key, as `ProgressTracker`'s doc comments state the rules (`increment(item:)`,
/// `skip(item:reason:)`, `fail(item:reason:)`, `failures(_:limit:)`), written again here:
/// - a key is counted once, by `increment(item:)` or `skip`: later calls return false and
///   change nothing;
/// - a counted key cannot fail (`.itemAlreadyCounted`); a key that failed keeps one record,
///   with its attempts, first and last time and last reason, until a count or a skip of the
///   key resolves it (as `counted` or `skipped`, at that time);
/// - a skip counts its key and adds one to the skipped items;
/// - an item's first failure records a `failed` sample if one is due, by its own clock: at
///   most one per sample interval;
/// - failures are listed oldest first by first failure, then by tracker (in creation order)
///   and key.
extension TrackerSetModel {
    /// The limits `ProgressTrackingError` documents, in UTF-8 bytes.
    static let maximumItemKeyBytes = 65_536
    static let maximumReasonBytes = 4_096

    mutating func count(_ identity: Int, item key: String, at now: Double) -> Result<Bool, ProgressTrackingError> {
        if let error = Self.invalid(itemKey: key) { return .failure(error) }
        return countItem(identity, key, resolving: .counted, at: now) { _ in }
    }

    mutating func skip(_ identity: Int, item key: String, reason: String, at now: Double) -> Result<Bool, ProgressTrackingError> {
        if let error = Self.invalid(itemKey: key) ?? Self.invalid(reason: reason) { return .failure(error) }
        return countItem(identity, key, resolving: .skipped, at: now) { $0.skipped += 1 }
    }

    /// Returns the item's attempts, this one included.
    mutating func fail(_ identity: Int, item key: String, reason: String, at now: Double) -> Result<Int, ProgressTrackingError> {
        if let error = Self.invalid(itemKey: key) ?? Self.invalid(reason: reason) { return .failure(error) }
        guard let index = trackers.firstIndex(where: { $0.identity == identity }) else { return .failure(removed(identity)) }
        var tracker = trackers[index]
        guard !tracker.keys.contains(key) else { return .failure(.itemAlreadyCounted(key: key, tracker: tracker.name)) }
        let at = Date(timeIntervalSince1970: now)
        if var failure = tracker.failures[key] {
            failure.attempts += 1
            failure.lastFailedAt = at
            failure.reason = reason
            trackers[index].failures[key] = failure
            return .success(failure.attempts)
        }
        tracker.failures[key] = ItemFailure(
            tracker: tracker.name, key: key, reason: reason, attempts: 1, firstFailedAt: at, lastFailedAt: at
        )
        let due = tracker.failureSampledAt.map { now >= $0 + sampleInterval } ?? true
        if due { tracker.failureSampledAt = now }
        trackers[index] = tracker
        if due { record(.failed, of: tracker, at: now) }
        return .success(1)
    }

    func hasCounted(_ identity: Int, item key: String) -> Result<Bool, ProgressTrackingError> {
        if let error = Self.invalid(itemKey: key) { return .failure(error) }
        return tracker(identity).map { $0.keys.contains(key) }
    }

    /// The failures of one tracker, or of the set's trackers when `identity` is nil.
    func failures(of identity: Int?, _ filter: FailureFilter, limit: Int?) -> Result<[ItemFailure], ProgressTrackingError> {
        if let limit, limit < 0 { return .failure(.negativeLimit(limit)) }
        let listed: [Tracker]
        if let identity {
            switch tracker(identity) {
            case let .success(tracker): listed = [tracker]
            case let .failure(error): return .failure(error)
            }
        } else {
            listed = trackers
        }
        let failures = listed.enumerated()
            .flatMap { position, tracker in tracker.failures.values.map { (position, $0) } }
            .filter { _, failure in
                switch filter {
                case .unresolved: failure.resolution == nil
                case .resolved: failure.resolution != nil
                case .all: true
                }
            }
            .sorted { ($0.1.firstFailedAt, $0.0, $0.1.key) < ($1.1.firstFailedAt, $1.0, $1.1.key) }
            .map(\.1)
        return .success(Array(failures.prefix(limit ?? .max)))
    }

    /// Counts a new key, resolving its failure as `resolution` and applying `alsoChange`
    /// before the count's events are recorded, so that they show both; false for a key counted
    /// before, which changes nothing.
    private mutating func countItem(
        _ identity: Int, _ key: String, resolving resolution: ItemFailure.Resolution, at now: Double,
        alsoChange: (inout Tracker) -> Void
    ) -> Result<Bool, ProgressTrackingError> {
        var new = false
        return update(identity, at: now) { tracker in
            guard !tracker.keys.contains(key) else { return nil }
            guard tracker.current < Int.max else { return .countOverflow(tracker: tracker.name, amount: 1) }
            tracker.keys.insert(key)
            tracker.current += 1
            if var failure = tracker.failures[key], failure.resolution == nil {
                failure.resolvedAt = Date(timeIntervalSince1970: now)
                failure.resolution = resolution
                tracker.failures[key] = failure
            }
            alsoChange(&tracker)
            new = true
            return nil
        }.map { new }
    }

    /// Keys: not empty, at most `maximumItemKeyBytes`, no NUL.
    static func invalid(itemKey key: String) -> ProgressTrackingError? {
        let bytes = key.utf8.count
        if bytes == 0 { return .emptyItemKey }
        if bytes > maximumItemKeyBytes { return .itemKeyTooLong(key: key, bytes: bytes) }
        if key.utf8.contains(0) { return .nullCharacter(.itemKey, value: key) }
        return nil
    }

    /// Reasons: not empty, at most `maximumReasonBytes`, no NUL.
    static func invalid(reason: String) -> ProgressTrackingError? {
        let bytes = reason.utf8.count
        if bytes == 0 { return .emptyText(.reason) }
        if bytes > maximumReasonBytes { return .textTooLong(.reason, value: reason, bytes: bytes) }
        if reason.utf8.contains(0) { return .nullCharacter(.reason, value: reason) }
        return nil
    }
}
