import Foundation
import ProgressTracking

/// The `sets` listing: a header, then one line per set with its run: how long it was
/// active, when it started and when it finished. On a narrow terminal the time columns are
/// dropped first (finished, then started), so the name, count, overall and duration fit.
enum SetsTable {
    private static let gap = "  "
    private static let minimumNameWidth = 8
    private static let headers = (
        name: "SET", trackers: "TRACKERS", overall: "OVERALL", duration: "DURATION", started: "STARTED", finished: "FINISHED"
    )
    /// What a time or duration column shows before there is one.
    private static let none = "-"
    /// Local time to the second: `2026-11-25 12:30:05`.
    static let timeFormat = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
        timeZone: .current,
        calendar: Calendar(identifier: .gregorian)
    )
    private static let timeWidth = 19

    static func lines(_ summaries: [TrackerSetSummary], width: Int) -> [String] {
        let durations = summaries.map { $0.startedAt == nil ? none : TrackerStatus.durationText($0.elapsed) }
        let trackersWidth = headers.trackers.count
        let overallWidth = headers.overall.count
        let durationWidth = durations.map(\.count).reduce(headers.duration.count, max)
        let fixedWidth = trackersWidth + overallWidth + durationWidth + 3 * gap.count
        let timeColumnWidth = gap.count + timeWidth
        let longestName = max(headers.name.count, summaries.map(\.name.count).max() ?? 0)
        let timeColumns = (0...2).last { count in
            width - fixedWidth - count * timeColumnWidth >= min(longestName, minimumNameWidth) + gap.count
        } ?? 0
        let nameWidth = max(minimumNameWidth, min(longestName, width - fixedWidth - timeColumns * timeColumnWidth - gap.count))

        func line(_ name: String, _ trackers: String, _ overall: String, _ duration: String, _ started: String, _ finished: String) -> String {
            let times = [started, finished].prefix(timeColumns).map { Cell.left($0, width: timeWidth) }
            let cells = [
                Cell.left(name, width: nameWidth), Cell.right(trackers, width: trackersWidth),
                Cell.right(overall, width: overallWidth), Cell.right(duration, width: durationWidth),
            ]
            return (cells + times).joined(separator: gap).trimmingTrailingSpaces()
        }
        func time(_ date: Date?) -> String {
            date?.formatted(timeFormat) ?? none
        }
        return [line(headers.name, headers.trackers, headers.overall, headers.duration, headers.started, headers.finished)]
            + zip(summaries, durations).map { summary, duration in
                line(summary.name, "\(summary.trackerCount)", Cell.percent(summary.overall), duration, time(summary.startedAt), time(summary.completedAt))
            }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
