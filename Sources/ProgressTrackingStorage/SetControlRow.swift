/// A set's stored control state.
package struct SetControlRow: Sendable, Equatable {
    /// `running`, `paused` or `cancelled`.
    package var state: String
    /// When the set last stopped running; nil while running.
    package var haltedAt: Double?

    package init(state: String, haltedAt: Double?) {
        self.state = state
        self.haltedAt = haltedAt
    }
}
