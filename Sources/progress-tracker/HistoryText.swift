import ArgumentParser
import Foundation
import ProgressTracking

/// How `history` reads its `--since` date and prints events.
enum HistoryText {
    private static let gap = "  "

    /// One line per event: local time, tracker, event, current/total.
    static func table(_ events: [HistoryEvent]) -> [String] {
        let headers = (time: "TIME", tracker: "TRACKER", kind: "EVENT")
        let trackerWidth = events.map(\.tracker.count).reduce(headers.tracker.count, max)
        let kindWidth = HistoryEvent.Kind.allCases.map(\.rawValue.count).reduce(headers.kind.count, max)
        let timeWidth = 19
        func line(_ time: String, _ tracker: String, _ kind: String, _ count: String) -> String {
            [Cell.left(time, width: timeWidth), Cell.left(tracker, width: trackerWidth), Cell.left(kind, width: kindWidth), count]
                .joined(separator: gap)
        }
        return [line(headers.time, headers.tracker, headers.kind, "COUNT")]
            + events.map { line($0.at.formatted(SetsTable.timeFormat), $0.tracker, $0.kind.rawValue, "\($0.current)/\($0.total)") }
    }

    /// A header, then one row per event (RFC 4180: fields with a comma, quote or line break are quoted).
    static func csv(_ events: [HistoryEvent]) -> [String] {
        ["at,tracker,kind,current,total"] + events.map { event in
            [event.at.formatted(.iso8601), quoted(event.tracker), event.kind.rawValue, "\(event.current)", "\(event.total)"]
                .joined(separator: ",")
        }
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `2026-11-24` as local midnight, or an ISO 8601 time with its zone.
    static func parseDate(_ text: String) throws -> Date {
        if let time = try? Date(text, strategy: .iso8601) { return time }
        let day = Date.ISO8601FormatStyle(timeZone: .current).year().month().day()
        if let midnight = try? Date(text, strategy: day) { return midnight }
        throw ValidationError("not a date: \(text) (give 2026-11-24 or 2026-11-24T22:00:00Z)")
    }
}
