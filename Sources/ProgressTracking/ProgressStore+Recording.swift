internal import ProgressTrackingStorage

/// How a change to a count went.
enum CountOutcome {
    case applied
    /// The count would pass `Int.max`; nothing was changed.
    case overflow
}

extension ProgressStore {
    /// Applies `change` to the tracker and records what it means (see `HistoryPolicy`), as
    /// one unit of writes. A change that changes nothing writes nothing.
    /// - Throws: `.missing(.tracker)` if the tracker is gone, or the storage's failure.
    func record(_ change: CountChange, of tracker: TrackerIdentity) throws(StorageError) -> CountOutcome {
        try connections.atomically { storage throws(StorageError) in
            let before = try storage.state(of: tracker)
            guard let after = HistoryPolicy.after(change, from: before) else { return .overflow }
            guard after != (before.current, before.total) else { return .applied }
            let now = try timekeeping.time(on: storage)
            try storage.apply(change, to: tracker, at: now)
            let outcome = HistoryPolicy(sampleInterval: timekeeping.sampleInterval).outcome(from: before, to: after, at: now)
            if let marks = outcome.marks { try storage.mark(tracker, marks, at: now) }
            for event in outcome.events {
                try storage.recordEvent(event.rawValue, of: tracker, at: now)
            }
            if !outcome.events.isEmpty {
                try storage.advanceRateBase(of: tracker, window: timekeeping.rateWindow, at: now)
            }
            return .applied
        }
    }
}
