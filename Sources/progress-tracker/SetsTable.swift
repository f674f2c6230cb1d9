import Foundation
import ProgressTracking

/// The `sets` listing: a header, then one line per set. On a narrow terminal the time
/// columns are dropped first (created, then updated), so the name, count and overall fit.
enum SetsTable {
    private static let gap = "  "
    private static let minimumNameWidth = 8
    private static let headers = (name: "SET", trackers: "TRACKERS", overall: "OVERALL", created: "CREATED", updated: "UPDATED")
    /// Local time to the second: `2026-11-25 12:30:05`.
    static let timeFormat = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
        timeZone: .current,
        calendar: Calendar(identifier: .gregorian)
    )
    private static let timeWidth = 19

    static func lines(_ summaries: [TrackerSetSummary], width: Int) -> [String] {
        let trackersWidth = headers.trackers.count
        let overallWidth = headers.overall.count
        let fixedWidth = trackersWidth + overallWidth + 2 * gap.count
        let timeColumnWidth = gap.count + timeWidth
        let longestName = max(headers.name.count, summaries.map(\.name.count).max() ?? 0)
        let timeColumns = (0...2).last { count in
            width - fixedWidth - count * timeColumnWidth >= min(longestName, minimumNameWidth) + gap.count
        } ?? 0
        let nameWidth = max(minimumNameWidth, min(longestName, width - fixedWidth - timeColumns * timeColumnWidth - gap.count))

        func line(_ name: String, _ trackers: String, _ overall: String, _ created: String, _ updated: String) -> String {
            let times = [updated, created].prefix(timeColumns).reversed().map { Cell.left($0, width: timeWidth) }
            let cells = [Cell.left(name, width: nameWidth), Cell.right(trackers, width: trackersWidth), Cell.right(overall, width: overallWidth)]
            return (cells + times).joined(separator: gap).trimmingTrailingSpaces()
        }
        return [line(headers.name, headers.trackers, headers.overall, headers.created, headers.updated)]
            + summaries.map {
                line($0.name, "\($0.trackerCount)", Cell.percent($0.overall), $0.createdAt.formatted(timeFormat), $0.updatedAt.formatted(timeFormat))
            }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
