#if GRDB
import Foundation
import GRDB
import ProgressTracking

extension GRDBSide {
    /// The library's `getStatus()`: every tracker's status with its rate and ETA, and the set's.
    func status() throws -> StatusDigest {
        let setID = setID
        let status = try queue.read { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: SQL.status), arguments: [setID, Self.rateWindow])
            var status = TrackerSetStatus(overall: 0)
            var totalWeight = 0.0
            var weightedGrowth = 0.0
            var someRate = false
            while let row = try rows.next() {
                status.overall = row[0]
                status.startedAt = (row[1] as Double?).map(Date.init(timeIntervalSince1970:))
                status.updatedAt = (row[2] as Double?).map(Date.init(timeIntervalSince1970:))
                status.completedAt = (row[3] as Double?).map(Date.init(timeIntervalSince1970:))
                status.elapsed = Self.activeSeconds(from: row[1], to: row[3] ?? row[2], paused: row[4])
                guard let name: String = row[5] else { continue }  // an empty set's one row
                let tracker = Self.trackerStatus(row)
                status.trackers[name] = tracker
                status.order.append(name)
                let weight: Double = row[9]
                totalWeight += weight
                if let rate = tracker.rate {
                    someRate = true
                    if tracker.current < tracker.total { weightedGrowth += weight * rate / Double(tracker.total) }
                }
            }
            if someRate, totalWeight > 0 { status.rate = 100 * weightedGrowth / totalWeight }
            status.eta = Self.eta(remaining: 100 - status.overall, rate: status.rate)
            return status
        }
        return StatusDigest(
            overall: status.overall,
            trackerCount: status.order.count,
            currentSum: status.trackers.values.reduce(0) { $0 + $1.current }
        )
    }

    /// One tracker's status from the columns of `SQL.status` after the name.
    private static func trackerStatus(_ row: Row) -> TrackerStatus {
        let current: Int = row[6]
        let total: Int = row[7]
        let startedAt: Double? = row[10]
        let updatedAt: Double = row[11]
        let completedAt: Double? = row[12]
        var rate: Double?
        if let baseAt: Double = row[14], updatedAt > baseAt {
            rate = max(0, Double(current - row[15]) / (updatedAt - baseAt))
        }
        return TrackerStatus(
            current: current,
            total: total,
            percent: 100 * row[8],
            startedAt: startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: updatedAt),
            completedAt: completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: activeSeconds(from: startedAt, to: completedAt ?? updatedAt, paused: row[13]),
            rate: rate,
            eta: eta(remaining: Double(total) - Double(current), rate: rate)
        )
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
