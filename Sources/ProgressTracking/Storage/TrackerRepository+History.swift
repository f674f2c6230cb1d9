#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A change to a tracker's count or total.
enum TrackerChange {
    case add(Int)
    case assign(Int)
    case total(Int)
}

/// The stored values that decide what a change means for the history.
struct TrackerState {
    let id: Int
    let setID: Int
    let current: Int
    let total: Int
    let startedAt: Double?
    let completedAt: Double?
    /// Until when a count needs no history row; nil before the start.
    let quietUntil: Double?
    let updatedAt: Double
}

/// A set's stored timing (the view `tracker_set_timing`), in Unix seconds.
struct SetTiming {
    let startedAt: Double?
    let changedAt: Double?
    let completedAt: Double?
    let elapsed: Double
}

extension TrackerRepository {
    // MARK: - Recording

    func trackerState(id: Int) throws(SQLiteError) -> TrackerState? {
        let statement = try statement(.trackerState)
        defer { statement.reset() }
        statement.bind(id, at: 1)
        guard try statement.step() else { return nil }
        return TrackerState(
            id: id,
            setID: statement.int(at: 0),
            current: statement.int(at: 1),
            total: statement.int(at: 2),
            startedAt: statement.optionalDouble(at: 3),
            completedAt: statement.optionalDouble(at: 4),
            quietUntil: statement.optionalDouble(at: 5),
            updatedAt: statement.double(at: 6)
        )
    }

    /// Applies `change` and writes what it means to the history: the start, the completion,
    /// a lowered count, a new total, or else a progress sample if one is due. The hot-path
    /// statements leave exactly these changes to it. Returns false if the tracker was removed.
    func recordChange(_ change: TrackerChange, trackerID: Int) throws -> Bool {
        try transaction {
            let now = timekeeping.now()
            guard let before = try trackerState(id: trackerID) else { return false }
            var current = before.current
            var total = before.total
            switch change {
            case let .add(amount):
                try update(.addCount, trackerID: trackerID, to: amount, at: now)
                // SQLite refused the sum if it overflowed, so this cannot.
                current += amount
            case let .assign(value):
                try update(.assignCount, trackerID: trackerID, to: value, at: now)
                current = value
            case let .total(value):
                try update(.setTotal, trackerID: trackerID, to: value, at: now)
                total = value
            }
            let countChanged = if case .total = change { false } else { true }
            let starts = countChanged && before.startedAt == nil
            let completes = before.completedAt == nil && (before.startedAt != nil || starts) && current >= total
            let lowered = current < before.current

            var kinds: [HistoryEvent.Kind] = []
            if !countChanged { kinds.append(.totalChanged) }
            if lowered { kinds.append(.currentSet) }
            if starts { kinds.append(.started) }
            if completes { kinds.append(.completed) }
            if kinds.isEmpty, now >= before.quietUntil ?? now { kinds.append(.progress) }
            guard !kinds.isEmpty else { return true }

            if starts || lowered {
                let restart = try statement(.restartRate)
                restart.bind(trackerID, at: 1)
                restart.bind(now, at: 2)
                try restart.run()
            }
            let started = starts || before.startedAt != nil
            let mark = try statement(.markTracker)
            mark.bind(trackerID, at: 1)
            mark.bind(now, at: 2)
            mark.bind(completes ? 1 : 0, at: 3)
            mark.bind(started ? now + timekeeping.sampleInterval : nil, at: 4)
            try mark.run()
            for kind in kinds {
                try recordEvent(kind, trackerID: trackerID, at: now)
            }
            return true
        }
    }

    private func update(_ query: Query, trackerID: Int, to value: Int, at now: Double) throws(SQLiteError) {
        let statement = try statement(query)
        statement.bind(trackerID, at: 1)
        statement.bind(value, at: 2)
        statement.bind(now, at: 3)
        try statement.run()
    }

    /// Writes a history row with the tracker's current values.
    func recordEvent(_ kind: HistoryEvent.Kind, trackerID: Int, at now: Double) throws(SQLiteError) {
        let statement = try statement(.insertEvent)
        statement.bind(trackerID, at: 1)
        statement.bind(kind.rawValue, at: 2)
        statement.bind(now, at: 3)
        try statement.run()
    }

    /// Records that this store opened the tracker: its creation if `before` is nil (it did
    /// not exist), and a new total.
    func recordOpening(trackerID: Int, before: TrackerState?, at now: Double) throws {
        trackersOfThisRun.insert(trackerID)
        guard let before else { return try recordEvent(.created, trackerID: trackerID, at: now) }
        guard let after = try trackerState(id: trackerID), after.total != before.total else { return }
        try recordEvent(.totalChanged, trackerID: trackerID, at: now)
    }

    /// Resumes a tracker that an earlier run left: the time since its last change, and since
    /// its set's, becomes downtime, and its rate is measured anew from now.
    func recordResume(_ tracker: TrackerState, at now: Double) throws(SQLiteError) {
        // The set first, while its last change is still the earlier run's.
        let pause = try statement(.pauseSet)
        pause.bind(tracker.setID, at: 1)
        pause.bind(now, at: 2)
        try pause.run()
        // Downtime unless it was done; a tracker that has not started has no timing yet.
        let resume = try statement(.resumeTracker)
        resume.bind(tracker.id, at: 1)
        resume.bind(now, at: 2)
        resume.bind(tracker.completedAt == nil ? max(0, now - tracker.updatedAt) : 0, at: 3)
        try resume.run()
        try recordEvent(.resumed, trackerID: tracker.id, at: now)
    }

    // MARK: - Reading

    /// The set's events, oldest first, optionally of one tracker and from `since` (inclusive)
    /// until `until` (exclusive), in Unix seconds.
    /// - Complexity: an index range scan over the set's events.
    func history(setName: String, trackerName: String?, since: Double?, until: Double?) throws(SQLiteError) -> [HistoryEvent] {
        let statement = try statement(.history)
        defer { statement.reset() }
        statement.bind(setName, at: 1)
        statement.bind(trackerName, at: 2)
        statement.bind(since, at: 3)
        statement.bind(until, at: 4)
        var events: [HistoryEvent] = []
        while try statement.step() {
            // The kind column's CHECK constraint admits no other value.
            guard let kind = HistoryEvent.Kind(rawValue: statement.string(at: 1)) else { continue }
            events.append(HistoryEvent(
                set: setName,
                tracker: statement.string(at: 0),
                kind: kind,
                at: Date(timeIntervalSince1970: statement.double(at: 2)),
                current: statement.int(at: 3),
                total: statement.int(at: 4)
            ))
        }
        return events
    }

    /// One tracker's status and effective weight, from the columns `Query.trackerStatusColumns`
    /// starting at `column`.
    func readTrackerStatus(_ statement: Statement, from column: Int32) -> (status: TrackerStatus, weight: Double) {
        let current = statement.int(at: column)
        let total = statement.int(at: column + 1)
        let startedAt = statement.optionalDouble(at: column + 4)
        let updatedAt = statement.double(at: column + 5)
        let completedAt = statement.optionalDouble(at: column + 6)
        let base = statement.optionalDouble(at: column + 8).map { (at: $0, current: statement.int(at: column + 9)) }
        let rate = Pace.rate(from: base, to: current, at: updatedAt)
        let status = TrackerStatus(
            current: current,
            total: total,
            percent: 100 * statement.double(at: column + 2),
            startedAt: startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: updatedAt),
            completedAt: completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: Pace.activeSeconds(from: startedAt, to: completedAt ?? updatedAt, paused: statement.double(at: column + 7)),
            rate: rate,
            eta: Pace.eta(remaining: Double(total) - Double(current), rate: rate)
        )
        return (status, statement.double(at: column + 3))
    }

    /// A set's timing from the columns started_at, changed_at, completed_at and
    /// paused_seconds of `tracker_set_timing`, starting at `column`.
    func readSetTiming(_ statement: Statement, from column: Int32) -> SetTiming {
        let startedAt = statement.optionalDouble(at: column)
        let changedAt = statement.optionalDouble(at: column + 1)
        let completedAt = statement.optionalDouble(at: column + 2)
        return SetTiming(
            startedAt: startedAt,
            changedAt: changedAt,
            completedAt: completedAt,
            elapsed: Pace.activeSeconds(from: startedAt, to: completedAt ?? changedAt, paused: statement.double(at: column + 3))
        )
    }

    /// The tracker's status, or nil if it was removed.
    func trackerStatus(id: Int) throws(SQLiteError) -> TrackerStatus? {
        let statement = try statement(.trackerStatus)
        defer { statement.reset() }
        statement.bind(id, at: 1)
        statement.bind(timekeeping.rateWindow, at: 2)
        return try statement.step() ? readTrackerStatus(statement, from: 0).status : nil
    }
}
