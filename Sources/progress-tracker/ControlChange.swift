internal import ProgressTracking
internal import ProgressTrackerRendering

/// What `pause`, `resume` and `cancel` share: one change of a set's control state, and a line
/// that says what it did, or that nothing changed and why.
struct ControlChange {
    let access: StoreAccess
    let set: String

    /// Moves the set to `target` with `change` (the library's `pause()`, `resume()` or
    /// `cancel()`, which says whether the state changed) and prints the outcome.
    func run(to target: ControlState, _ change: (ProgressTrackerSet) throws -> Bool) throws {
        let trackerSet = try access.existingSet(set, in: try access.openForWriting())
        let name = MessageText.quoted(set)
        guard try !change(trackerSet) else {
            print(Self.done(target, name))
            return
        }
        let state = try trackerSet.controlState
        print(
            state == target
                ? "nothing changed: set \(name) is already \(state.rawValue)"
                : "nothing changed: set \(name) is \(state.rawValue), and stays so until it is resumed"
        )
    }

    private static func done(_ state: ControlState, _ name: String) -> String {
        switch state {
        case .running: "resumed set \(name): its workers go on (a demo that stopped: run it again)"
        case .paused: "paused set \(name): its workers wait until it is resumed"
        case .cancelled: "cancelled set \(name): its workers stop after their current step, until it is resumed"
        }
    }
}
