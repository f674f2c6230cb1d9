internal import ArgumentParser
internal import ProgressTrackerRendering
#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// How `history` reads the dates of `--since` and `--until`.
enum HistoryDate {
    /// `2026-11-24` as local midnight, or an ISO 8601 time with its zone.
    static func parse(_ text: String) throws -> Date {
        if let time = try? Date(text, strategy: .iso8601) { return time }
        // Read as a UTC day, then taken as that day here (see `LocalTime`).
        let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        if let utcDay = try? Date(text, strategy: day), let midnight = LocalTime.midnight(ofUTCDay: utcDay) { return midnight }
        throw ValidationError("not a date: \(text) (give 2026-11-24 or 2026-11-24T22:00:00Z)")
    }
}
