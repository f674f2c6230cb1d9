internal import ProgressTrackingStorage

extension ProgressTrackerSet {
    /// Whether the set's workers should run, wait or stop; workers read it between records
    /// or batches. It changes when anyone, in any process sharing the store, calls ``pause()``,
    /// ``resume()`` or ``cancel()``. See <doc:FailuresSkipsAndCursors>.
    /// - Complexity: O(1): one row read.
    /// - Throws: `.trackerSetRemoved`, or a store error.
    public var controlState: ControlState {
        get throws(ProgressTrackingError) {
            let control = try store.connections.read(subject) { storage throws(StorageError) in try storage.control(of: identity) }
            return ControlState(rawValue: control.state) ?? .running
        }
    }

    /// Asks the set's workers to wait: a running set becomes paused, and its history records
    /// it. The time until ``resume()`` is not active time (elapsed, rate and ETA leave it out),
    /// from the pause or, for a tracker that still counts after it, from its last change.
    /// A cancelled set stays cancelled. Counting is not refused.
    /// - Returns: Whether the state changed.
    /// - Throws: `.trackerSetRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func pause() throws(ProgressTrackingError) -> Bool {
        try changeControl(to: .paused)
    }

    /// Asks the set's workers to stop cleanly, after the batch they are in: the set becomes
    /// cancelled, and its history records it. Counting is not refused. A cancelled set can be
    /// resumed; the time until then is not active time, as after ``pause()``.
    /// - Returns: Whether the state changed.
    /// - Throws: `.trackerSetRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func cancel() throws(ProgressTrackingError) -> Bool {
        try changeControl(to: .cancelled)
    }

    /// Lets the set's workers go on after ``pause()`` or ``cancel()``: the set becomes running,
    /// and its history records it. The time since it stopped running becomes downtime of the
    /// set and of its started, unfinished trackers, whose rates are measured anew and whose
    /// last change the resume becomes. For a tracker that changed since (a worker finishing
    /// its batch, a start, or a later run's ``openTracker(_:total:weight:)``, which took the
    /// downtime before it), the downtime is the time since that change: no second is left out
    /// twice.
    /// - Returns: Whether the state changed.
    /// - Throws: `.trackerSetRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func resume() throws(ProgressTrackingError) -> Bool {
        try changeControl(to: .running)
    }

    private func changeControl(to target: ControlState) throws(ProgressTrackingError) -> Bool {
        let (identity, store) = (self.identity, self.store)
        return try store.connections.writeAtomically(subject) { storage throws(StorageError) in
            let control = try storage.control(of: identity)
            let state = ControlState(rawValue: control.state) ?? .running
            guard state.changes(to: target) else { return false }
            let now = try store.timekeeping.time(on: storage)
            if target == .running, let haltedAt = control.haltedAt {
                try storage.resumeTimekeeping(of: identity, haltedAt: haltedAt, at: now)
            }
            // A set that stops running is halted from now; one already halted stays halted from then.
            let haltedAt = target == .running ? nil : control.haltedAt ?? now
            try storage.setControl(SetControlRow(state: target.rawValue, haltedAt: haltedAt), of: identity)
            let event: HistoryEvent.Kind = switch target {
            case .running: .resumed
            case .paused: .paused
            case .cancelled: .cancelled
            }
            try storage.recordSetEvent(event.rawValue, of: identity, at: now)
            return true
        }
    }
}

extension ControlState {
    /// Whether asking a set in this state to become `target` changes it: resuming a set that
    /// is not running, pausing a running one, cancelling one that is not cancelled.
    func changes(to target: ControlState) -> Bool {
        switch target {
        case .running: self != .running
        case .paused: self == .running
        case .cancelled: self != .cancelled
        }
    }
}
