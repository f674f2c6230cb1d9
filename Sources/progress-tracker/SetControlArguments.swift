internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

/// What `pause`, `resume` and `cancel` share: the set they act on, and one change of its
/// control state with a line that says what it did, or that nothing changed and why.
struct SetControlArguments: ParsableArguments {
    @OptionGroup var storeFile: StoreFile

    @Argument(help: "The tracker set.")
    var set: String

    /// Moves the set to `target` with `change` (the library's `pause()`, `resume()` or
    /// `cancel()`, which says whether the state changed) and prints the outcome.
    func change(to target: ControlState, _ change: (ProgressTrackerSet) throws -> Bool) throws {
        let access = StoreAccess(storeFile)
        let name = MessageText.quoted(set)
        let line = try access.writing { store in
            let trackerSet = try access.existingSet(set, in: store)
            guard try !change(trackerSet) else { return Self.done(target, name) }
            let state = try trackerSet.controlState
            return state == target
                ? "nothing changed: set \(name) is already \(state.rawValue)"
                : "nothing changed: set \(name) is \(state.rawValue), and stays so until it is resumed"
        }
        print(line)
    }

    private static func done(_ state: ControlState, _ name: String) -> String {
        switch state {
        case .running: "resumed set \(name): its workers go on (a demo that stopped: run it again)"
        case .paused: "paused set \(name): its workers wait until it is resumed"
        case .cancelled: "cancelled set \(name): its workers stop after their current step, until it is resumed"
        }
    }
}
