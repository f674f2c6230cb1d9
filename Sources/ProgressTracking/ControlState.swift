/// A set's control state: what its workers should do, as set from any process or host
/// sharing the store (`ProgressTrackerSet.pause()`, `resume()`, `cancel()`).
///
/// The state refuses nothing by itself: counting stays possible in every state, so that a
/// worker can finish the batch it is in. It is the workers' signal, read between records or
/// batches through `ProgressTrackerSet.controlState`.
public enum ControlState: String, Codable, Sendable, CaseIterable {
    /// Work goes on.
    case running
    /// Work should wait until the set is resumed. The time until then, from the pause or
    /// from the last count after it, is not active time.
    case paused
    /// Work should stop cleanly; the set can be resumed later. The time until then, from the
    /// cancel or from the last count after it, is not active time.
    case cancelled
}
