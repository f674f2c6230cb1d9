#if GRDB
import Foundation
import GRDB
import ProgressTracking

extension GRDBSide {
    /// The columns of `SQL.status`, by position: reading by index spares a name lookup per column.
    private enum StatusColumn {
        static let part = 0, name = 1, current = 2, total = 3, percent = 4, effectiveWeight = 5
        static let startedAt = 6, updatedAt = 7, completedAt = 8, pausedSeconds = 9
        static let rateBaseAt = 10, rateBaseCurrent = 11, failed = 12, skipped = 13, cursor = 14
        static let overall = 15, state = 16, setPausedSeconds = 19
    }

    /// A tracker's row of the status, with what the set's timing and rate need of it.
    private struct TrackerRow {
        let name: String
        let status: TrackerStatus
        let weight: Double
        let startedAt: Double?
        let updatedAt: Double
        let completedAt: Double?
    }

    /// The library's `getStatus()`: every tracker's status with its rate and ETA, and the set's,
    /// from one statement.
    func status() throws -> StatusDigest {
        let set = set
        let status = try queue.read { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: SQL.status), arguments: ["set": set.id, "token": set.token])
            var overall: Double?
            var state = ControlState.running
            var pausedSeconds = 0.0
            var trackers: [TrackerRow] = []
            while let row = try rows.next() {
                guard row[StatusColumn.part] as Int == 1 else {
                    overall = row[StatusColumn.overall]
                    state = ControlState(rawValue: row[StatusColumn.state]) ?? .running
                    pausedSeconds = row[StatusColumn.setPausedSeconds]
                    continue
                }
                trackers.append(Self.tracker(row))
            }
            guard let overall else { throw BenchError("the set is gone") }
            return Self.setStatus(overall: overall, state: state, pausedSeconds: pausedSeconds, trackers: trackers)
        }
        return StatusDigest(
            overall: status.overall,
            trackerCount: status.order.count,
            currentSum: status.trackers.values.reduce(0) { $0 + $1.current }
        )
    }

    /// `TrackerStatus.init(TrackerStatusRow)`: counts as stored, active time, rate and ETA.
    private static func tracker(_ row: Row) -> TrackerRow {
        let current: Int = row[StatusColumn.current]
        let total: Int = row[StatusColumn.total]
        let startedAt: Double? = row[StatusColumn.startedAt]
        let updatedAt: Double = row[StatusColumn.updatedAt]
        let completedAt: Double? = row[StatusColumn.completedAt]
        var rate: Double?
        if let baseAt: Double = row[StatusColumn.rateBaseAt], updatedAt > baseAt {
            rate = max(0, Double(current - row[StatusColumn.rateBaseCurrent]) / (updatedAt - baseAt))
        }
        let status = TrackerStatus(
            current: current,
            total: total,
            percent: row[StatusColumn.percent],
            failed: row[StatusColumn.failed],
            skipped: row[StatusColumn.skipped],
            cursor: row[StatusColumn.cursor],
            startedAt: startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: updatedAt),
            completedAt: completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: activeSeconds(from: startedAt, to: completedAt ?? updatedAt, paused: row[StatusColumn.pausedSeconds]),
            rate: rate,
            eta: eta(remaining: Double(max(0, total - current)), rate: rate)
        )
        return TrackerRow(
            name: row[StatusColumn.name], status: status, weight: row[StatusColumn.effectiveWeight],
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt
        )
    }

    /// `TrackerSetStatus.init(SetStatusRow)` with `SetRun` and `Pace.overallRate`: the set's
    /// timing from its trackers' and its rate as their weighted growth.
    private static func setStatus(overall: Double, state: ControlState, pausedSeconds: Double, trackers: [TrackerRow]) -> TrackerSetStatus {
        var status = TrackerSetStatus(overall: overall, state: state)
        var startedAt: Double?
        var changedAt: Double?
        var allComplete = !trackers.isEmpty
        var lastCompletion: Double?
        var totalWeight = 0.0
        var weightedGrowth = 0.0
        var someRate = false
        status.trackers.reserveCapacity(trackers.count)
        status.order.reserveCapacity(trackers.count)
        for tracker in trackers {
            let (current, total) = (tracker.status.current, tracker.status.total)
            status.trackers[tracker.name] = tracker.status
            status.order.append(tracker.name)
            status.failed += tracker.status.failed
            status.skipped += tracker.status.skipped
            if let started = tracker.startedAt { startedAt = min(startedAt ?? started, started) }
            changedAt = max(changedAt ?? tracker.updatedAt, tracker.updatedAt)
            allComplete = allComplete && current >= total
            lastCompletion = max(lastCompletion ?? -.infinity, tracker.completedAt ?? tracker.updatedAt)
            totalWeight += tracker.weight
            if let rate = tracker.status.rate {
                someRate = true
                if current < total { weightedGrowth += tracker.weight * rate / Double(total) }
            }
        }
        let completedAt = allComplete ? lastCompletion : nil
        status.startedAt = startedAt.map(Date.init(timeIntervalSince1970:))
        status.updatedAt = changedAt.map(Date.init(timeIntervalSince1970:))
        status.completedAt = completedAt.map(Date.init(timeIntervalSince1970:))
        status.elapsed = activeSeconds(from: startedAt, to: completedAt ?? changedAt, paused: pausedSeconds)
        if someRate, totalWeight > 0 { status.rate = 100 * weightedGrowth / totalWeight }
        status.eta = eta(remaining: 100 - overall, rate: status.rate)
        return status
    }

    private static func activeSeconds(from start: Double?, to end: Double?, paused: Double) -> Double {
        guard let start, let end else { return 0 }
        return max(0, end - start - paused)
    }

    private static func eta(remaining: Double, rate: Double?) -> Double? {
        if remaining <= 0 { return 0 }
        guard let rate, rate > 0 else { return nil }
        return remaining / rate
    }
}
#endif
