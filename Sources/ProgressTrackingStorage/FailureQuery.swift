/// Which failures a listing returns, oldest first.
package struct FailureQuery: Sendable, Equatable {
    /// Whose failures: one tracker's, or every tracker's of a set.
    package enum Scope: Sendable, Equatable {
        case tracker(TrackerIdentity)
        case set(SetIdentity)
    }

    package var scope: Scope
    /// Unresolved failures (false) or resolved ones (true); nil for both.
    package var resolved: Bool?
    /// At most this many; nil for all.
    package var limit: Int?

    package init(scope: Scope, resolved: Bool?, limit: Int?) {
        self.scope = scope
        self.resolved = resolved
        self.limit = limit
    }
}
