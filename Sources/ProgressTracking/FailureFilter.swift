/// Which failures `failures(_:limit:)` lists.
public enum FailureFilter: String, Sendable, CaseIterable {
    /// Items still failed: not counted or skipped since (the default).
    case unresolved
    /// Items that failed and were counted or skipped later: "what failed and was fixed".
    case resolved
    /// Both.
    case all
}
