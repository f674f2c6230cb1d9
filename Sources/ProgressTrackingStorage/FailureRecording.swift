/// What recording a failure of an item found.
package enum FailureRecording: Sendable, Equatable {
    /// The item had not failed before (or its failure was resolved): a new failure, counted in
    /// the tracker's failures. `lastSample` is when the tracker's failures were last sampled
    /// into the history, so that the service can decide whether a sample is due.
    case first(lastSample: Double?)
    /// The item's unresolved failure was failed again: `attempts` in all.
    case repeated(attempts: Int)
    /// The item is counted: it cannot fail. Nothing was written.
    case alreadyCounted
}
