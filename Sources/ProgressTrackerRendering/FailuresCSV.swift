#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
package import ProgressTracking

/// `failures --csv`: a header, then one row per failed item, with times in ISO 8601 (UTC).
///
/// Machine output, so values stay exact: RFC 4180 quoting (`CSVField`), and no terminal
/// escaping. An item still failed has empty `resolution` and `resolvedAt` fields.
package enum FailuresCSV {
    /// The first line: the names of the fields, those of `ItemFailure`'s JSON.
    package static let header = "tracker,key,attempts,firstFailedAt,lastFailedAt,reason,resolution,resolvedAt"

    /// The header, then a line per failure.
    package static func lines(_ failures: [ItemFailure]) -> [String] {
        [header] + failures.map { failure in
            [
                CSVField.quoted(failure.tracker), CSVField.quoted(failure.key), "\(failure.attempts)",
                failure.firstFailedAt.formatted(.iso8601), failure.lastFailedAt.formatted(.iso8601), CSVField.quoted(failure.reason),
                failure.resolution?.rawValue ?? "", failure.resolvedAt?.formatted(.iso8601) ?? "",
            ]
                .joined(separator: ",")
        }
    }
}
