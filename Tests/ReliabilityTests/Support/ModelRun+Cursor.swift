import ProgressTracking

/// `ModelRun`'s calls that set, clear and read a tracker's cursor.
extension ModelRun {
    static let longestCursor = String(repeating: "c", count: TrackerSetModel.maximumCursorBytes)
    static let tooLongCursor = longestCursor + "c"

    mutating func cursorCall(_ handle: Handle?) throws {
        guard let (identity, tracker) = handle else { return }
        guard Int.random(in: 0..<4, using: &random) > 0 else {
            call += "\(tracker.name).cursor"
            try expectSame(model.cursor(identity)) { try tracker.cursor }
            return
        }
        let usual = [nil, "", "offset-\(Int.random(in: 0...1_000, using: &random))"].randomElement(using: &random)!
        let cursor = unusually(usual, or: [Self.longestCursor, Self.tooLongCursor, "page\u{0}2"])
        call += "\(tracker.name).setCursor(\(Self.shown(cursor)))"
        try expectSame(predict { $0.setCursor(identity, to: cursor) }.map { true }) { try tracker.setCursor(cursor); return true }
    }
}
