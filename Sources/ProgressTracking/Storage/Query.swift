/// Every statement the repository runs, prepared on first use and kept for the connection's life.
///
/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_progress` of `Migrations/0001_create_trackers.sql`, its one definition.
enum Query: Int, CaseIterable {
    case setID, insertSet, allSets, deleteSet, setSummary
    case insertTracker, openTracker, trackerID, trackers, deleteTracker, tracker
    case increment, countItem, hasItem, setCurrent, setTotal
    case overall, status, dataVersion

    /// SQLite's clock as Unix seconds with milliseconds, the unit of every `*_at` column.
    private static let now = "(julianday('now') - 2440587.5) * 86400.0"

    var sql: String {
        switch self {
        case .setID:
            "SELECT id FROM tracker_set WHERE name = ?1"
        case .insertSet:
            "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, \(Self.now), \(Self.now)) ON CONFLICT (name) DO NOTHING"
        case .allSets:
            "SELECT id, name FROM tracker_set ORDER BY id"
        case .deleteSet:
            "DELETE FROM tracker_set WHERE name = ?1"
        case .setSummary:
            """
            SELECT s.created_at, p.updated_at, p.tracker_count, p.overall
            FROM tracker_set s JOIN tracker_set_progress p ON p.set_id = s.id WHERE s.id = ?1
            """
        case .insertTracker:
            """
            INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, \(Self.now), \(Self.now)) RETURNING id
            """
        case .openTracker:
            // One statement, so that processes opening the same tracker at once get one row.
            """
            INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, \(Self.now), \(Self.now))
            ON CONFLICT (set_id, name) DO UPDATE SET
                total = excluded.total,
                weight = COALESCE(excluded.weight, tracker.weight),
                updated_at = excluded.updated_at
            RETURNING id
            """
        case .trackerID:
            "SELECT id FROM tracker WHERE set_id = ?1 AND name = ?2"
        case .trackers:
            "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id"
        case .deleteTracker:
            "DELETE FROM tracker WHERE set_id = ?1 AND name = ?2"
        case .tracker:
            "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1"
        case .increment:
            "UPDATE tracker SET current = current + ?2, updated_at = \(Self.now) WHERE id = ?1"
        case .countItem:
            // The trigger tracker_item_counted adds 1 to the tracker when the key is new.
            "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
        case .hasItem:
            "SELECT 1 FROM tracker_item WHERE tracker_id = ?1 AND key = ?2"
        case .setCurrent:
            "UPDATE tracker SET current = ?2, updated_at = \(Self.now) WHERE id = ?1"
        case .setTotal:
            "UPDATE tracker SET total = ?2, updated_at = \(Self.now) WHERE id = ?1"
        case .overall:
            "SELECT overall FROM tracker_set_progress WHERE set_id = ?1"
        case .status:
            // One statement, so the rows and the overall value come from one snapshot.
            """
            SELECT p.overall, t.name, t.current, t.total, t.fraction
            FROM tracker_set_progress p LEFT JOIN tracker_progress t ON t.set_id = p.set_id
            WHERE p.set_id = ?1 ORDER BY t.id
            """
        case .dataVersion:
            "PRAGMA data_version"
        }
    }
}
