#if canImport(FoundationEssentials)
package import FoundationEssentials
// The local time zone's rules.
internal import FoundationInternationalization
#else
package import Foundation
#endif

/// Times as the tables show them: local time to the second, `2026-11-25 12:30:05`.
package enum LocalTime {
    /// The columns every time takes.
    package static let width = 19

    /// `date` in the local time zone.
    package static func of(_ date: Date) -> String {
        date.formatted(format)
    }

    private static let format = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
        timeZone: .current,
        calendar: Calendar(identifier: .gregorian)
    )
}
