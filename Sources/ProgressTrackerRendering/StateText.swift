package import ProgressTracking

/// A set's control state in words, for the lines that show a set that is not running
/// (`status`, `watch`): what its workers do now.
package enum StateText {
    /// `paused: its workers wait until the set is resumed`; nil while it runs, which needs no word.
    package static func line(_ state: ControlState) -> String? {
        switch state {
        case .running: nil
        case .paused: "paused: its workers wait until the set is resumed"
        case .cancelled: "cancelled: its workers stop until the set is resumed"
        }
    }
}
