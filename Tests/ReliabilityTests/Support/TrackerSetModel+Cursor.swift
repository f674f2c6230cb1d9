import ProgressTracking

/// A tracker's resume cursor, as `ProgressTracker.cursor` and `setCursor(_:)` document it:
/// any text (empty too) of at most `maximumCursorBytes` without NUL, or nil to clear it. It
/// is no change of the count: it records nothing and moves no time.
extension TrackerSetModel {
    static let maximumCursorBytes = 65_536

    func cursor(_ identity: Int) -> Result<String?, ProgressTrackingError> {
        tracker(identity).map(\.cursor)
    }

    mutating func setCursor(_ identity: Int, to cursor: String?) -> Result<Void, ProgressTrackingError> {
        if let cursor {
            let bytes = cursor.utf8.count
            if bytes > Self.maximumCursorBytes { return .failure(.textTooLong(.cursor, value: cursor, bytes: bytes)) }
            if cursor.utf8.contains(0) { return .failure(.nullCharacter(.cursor, value: cursor)) }
        }
        guard let index = trackers.firstIndex(where: { $0.identity == identity }) else { return .failure(removed(identity)) }
        trackers[index].cursor = cursor
        return .success(())
    }
}
