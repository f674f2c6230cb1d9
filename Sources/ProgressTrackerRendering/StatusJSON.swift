#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
package import ProgressTracking

/// `status --json`: the library's encoding of a set's status, with the keys scripts test
/// always there.
///
/// The rule: the set always has `state` (`"running"`, `"paused"` or `"cancelled"`), `failed`
/// and `skipped`, and every tracker `failed` and `skipped`, so that `jq .state` or `jq
/// .trackers.rows.failed` gives a value whatever happened to the set. The library leaves these
/// out at 0 and while running (a set no failure touched keeps the seed's shape), which would
/// make every script learn that an absent key means 0 or running. Every other key is the
/// library's, exact, with what is unknown left out as the library does (a cursor never set,
/// a rate not known yet).
package enum StatusJSON {
    /// The status as one line of JSON (`JSONText`'s keys, dates and escapes).
    /// - Throws: An encoding error, which a status does not cause.
    package static func of(_ status: TrackerSetStatus) throws -> String {
        let library = try JSONText.of(status)
        // Read back as JSON values and written again with the keys added, which changes no value's text.
        guard case var .object(document) = try JSONDecoder().decode(JSONValue.self, from: Data(library.utf8)) else { return library }
        document["state"] = .string(status.state.rawValue)
        document["failed"] = .integer(status.failed)
        document["skipped"] = .integer(status.skipped)
        if case var .object(trackers) = document["trackers"] {
            for (name, tracker) in status.trackers {
                guard case var .object(fields) = trackers[name] else { continue }
                fields["failed"] = .integer(tracker.failed)
                fields["skipped"] = .integer(tracker.skipped)
                trackers[name] = .object(fields)
            }
            document["trackers"] = .object(trackers)
        }
        return try JSONText.of(JSONValue.object(document))
    }
}
