#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
package import ProgressTracking

/// `history --csv`: a header, then one row per event, with times in ISO 8601 (UTC).
///
/// Machine output, so values stay exact: RFC 4180 quoting (`CSVField`), and no terminal
/// escaping. The set's own events (pause, resume, cancel) have an empty tracker field;
/// `failed` and `skipped` follow the counts.
package enum HistoryCSV {
    /// The first line: the names of the fields.
    package static let header = "at,tracker,kind,current,total,failed,skipped"

    /// The header, then a line per event.
    package static func lines(_ events: [HistoryEvent]) -> [String] {
        [header] + events.map { event in
            [
                event.at.formatted(.iso8601), CSVField.quoted(event.tracker ?? ""), event.kind.rawValue,
                "\(event.current)", "\(event.total)", "\(event.failed)", "\(event.skipped)",
            ]
                .joined(separator: ",")
        }
    }
}
