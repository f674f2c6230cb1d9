#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Times as the tables show them: local time to the second, `2026-11-25 12:30:05`.
///
/// The local time zone is the C library's (`$TZ`, else `/etc/localtime`, with the system's
/// zone files): Foundation's time zones need its ICU library, which every command would load
/// at start, though few print a time.
package enum LocalTime {
    /// The columns every time takes.
    package static let width = 19

    /// `date` in the local time zone, the seconds cut (not rounded), or `Placeholder.unknown`
    /// for a time no calendar holds.
    package static func of(_ date: Date) -> String {
        guard var seconds = time_t(exactly: date.timeIntervalSince1970.rounded(.down)) else { return Placeholder.unknown }
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return Placeholder.unknown }
        let day = "\(local.tm_year + 1900)-\(twoDigits(local.tm_mon + 1))-\(twoDigits(local.tm_mday))"
        return "\(day) \(twoDigits(local.tm_hour)):\(twoDigits(local.tm_min)):\(twoDigits(local.tm_sec))"
    }

    /// The local midnight that starts the calendar day on which `day` falls in UTC: a date
    /// parsed without a zone (`2026-11-24` as UTC midnight) taken as that day here. Nil for a
    /// time no calendar holds.
    package static func midnight(ofUTCDay day: Date) -> Date? {
        guard var seconds = time_t(exactly: day.timeIntervalSince1970.rounded(.down)) else { return nil }
        var local = tm()
        guard gmtime_r(&seconds, &local) != nil else { return nil }
        (local.tm_hour, local.tm_min, local.tm_sec) = (0, 0, 0)
        // Whether summer time applies then is for the C library to find out.
        local.tm_isdst = -1
        let midnight = mktime(&local)
        return midnight == -1 ? nil : Date(timeIntervalSince1970: Double(midnight))
    }

    /// The local time zone's name, as a page that shows local times states it: the zone file
    /// that `$TZ` names (`Europe/Paris`, as the C library finds it: after an optional `:`, in
    /// `$TZDIR` or the system's zone files), else, when `$TZ` is not set, the one that
    /// `/etc/localtime` links to; else the abbreviation the C library derived (`$TZ` may be a
    /// rule such as `CET-1CEST,M3.5.0,M10.5.0/3`; empty, it means UTC).
    package static var zoneName: String {
        let zoneFiles = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
        if let variable = getenv("TZ") {
            let zone = String(cString: variable)
            let name = zone.hasPrefix(":") ? String(zone.dropFirst()) : zone
            let file = name.hasPrefix("/") ? name : "\(zoneFiles)/\(name)"
            var info = stat()
            if !name.isEmpty, stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                return zoneFileName(file, in: zoneFiles)
            }
        } else {
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink("/etc/localtime", &target, target.count - 1)
            if length > 0 {
                return zoneFileName(String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self), in: zoneFiles)
            }
        }
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil, let abbreviation = local.tm_zone else { return "UTC" }
        return String(cString: abbreviation)
    }

    /// `Europe/Paris` for `/usr/share/zoneinfo/Europe/Paris`: the name below the zone files'
    /// directory, or the whole path of a file elsewhere.
    private static func zoneFileName(_ path: String, in zoneFiles: String) -> String {
        path.hasPrefix(zoneFiles + "/") ? String(path.dropFirst(zoneFiles.count + 1)) : path
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
