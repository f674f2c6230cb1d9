internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    private static let recordEvent = """
        INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
        SELECT set_id, id, name, $1, $2, current, total, failed, skipped FROM tracker WHERE id = $3 AND token = $4
        """

    package func recordEvent(_ kind: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker, Self.recordEvent, [.text(kind), .double(now), .int64(tracker.id), .int64(tracker.token)])
    }

    // Unbound bounds (NULL) do not limit. One tracker's history includes the set's own events
    // (paused, resumed, cancelled), which concern every tracker of the set.
    private static let history = """
        SELECT e.tracker, e.kind, e.at, e.current, e.total, e.failed, e.skipped
        FROM tracker_event e JOIN tracker_set s ON s.id = e.set_id
        WHERE s.name = $1 AND ($2::text IS NULL OR e.tracker = $2 OR e.tracker IS NULL)
            AND ($3::double precision IS NULL OR e.at >= $3) AND ($4::double precision IS NULL OR e.at < $4)
        ORDER BY e.at, e.id
        """

    /// - Complexity: an index range scan over the set's events.
    package func history(
        setNamed set: String, trackerNamed tracker: String?, since: Double?, until: Double?
    ) throws(StorageError) -> [EventRow] {
        try rows(Self.history, [
            .text(set), tracker.map { .text($0) } ?? .null, since.map { .double($0) } ?? .null, until.map { .double($0) } ?? .null,
        ]) { row throws(PostgresError) in
            EventRow(
                tracker: try row.next(), kind: try row.next(), at: try row.next(), current: try row.next(),
                total: try row.next(), failed: try row.next(), skipped: try row.next()
            )
        }
    }
}
