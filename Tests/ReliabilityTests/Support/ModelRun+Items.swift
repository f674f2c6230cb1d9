import ProgressTracking

/// `ModelRun`'s calls that fail and skip items and list failures. Keys come from the pool
/// that `increment(item:)` draws from too, so that a count meets a failure of its key (and
/// resolves it), a failure meets a count (and is refused), and a key fails again and again.
extension ModelRun {
    static let reasons = ["timeout", "bad date", "malformed record"]
    static let longestReason = String(repeating: "r", count: TrackerSetModel.maximumReasonBytes)
    static let tooLongReason = longestReason + "r"

    mutating func fail(_ handle: Handle?, at now: Double) throws {
        guard let (identity, tracker) = handle else { return }
        let (key, reason) = (key(), reason())
        call += "\(tracker.name).fail(item: \(Self.shown(key)), reason: \(Self.shown(reason)))"
        try expectSame(predict { $0.fail(identity, item: key, reason: reason, at: now) }) { try tracker.fail(item: key, reason: reason) }
    }

    mutating func skip(_ handle: Handle?, at now: Double) throws {
        guard let (identity, tracker) = handle else { return }
        let (key, reason) = (key(), reason())
        call += "\(tracker.name).skip(item: \(Self.shown(key)), reason: \(Self.shown(reason)))"
        try expectSame(predict { $0.skip(identity, item: key, reason: reason, at: now) }) { try tracker.skip(item: key, reason: reason) }
    }

    /// One tracker's failures, or the set's when there is no handle or one time in three.
    mutating func readFailures(_ handle: Handle?) throws {
        let filter = FailureFilter.allCases.randomElement(using: &random)!
        let limit = unusually(Bool.random(using: &random) ? nil : Int.random(in: 0...4, using: &random), or: [-1])
        let arguments = "(.\(filter), limit: \(limit.map(String.init) ?? "nil"))"
        if let (identity, tracker) = handle, Int.random(in: 0..<3, using: &random) > 0 {
            call += "\(tracker.name).failures\(arguments)"
            try expectSame(model.failures(of: identity, filter, limit: limit)) { try tracker.failures(filter, limit: limit) }
        } else {
            call += "set.failures\(arguments)"
            try expectSame(model.failures(of: nil, filter, limit: limit)) { try set.failures(filter, limit: limit) }
        }
    }

    /// One of a few reasons, so that a repeated failure often gets another; rarely an empty
    /// reason, one of the longest, one too long, or one with NUL.
    mutating func reason() -> String {
        unusually(Self.reasons.randomElement(using: &random)!, or: ["", Self.longestReason, Self.tooLongReason, "bad\u{0}"])
    }
}
