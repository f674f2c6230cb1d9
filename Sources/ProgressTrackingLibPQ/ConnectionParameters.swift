internal import CProgressTrackingLibPQ
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The keyword and value arrays handed to `PQconnectdbParams`, kept for reconnecting.
///
/// The caller's connection string goes in as `dbname` with `expand_dbname` set, so libpq
/// parses it (URI or `key=value`) exactly as `PQconnectdb` would, and applies its environment
/// variables, service file and `~/.pgpass` to whatever the string leaves out. libpq uses the
/// last value of a repeated keyword, so the order sets precedence:
/// 1. our defaults (timeouts, keepalives), which the string may override;
/// 2. the string;
/// 3. `client_encoding=UTF8`, which nothing may override: results are decoded as UTF-8.
struct ConnectionParameters {
    private let keywords: [String]
    private let values: [String]

    init(connectionString: String, applicationName: String, timeouts: PostgresTimeouts) {
        // A default from us would beat the environment (libpq reads PGCONNECT_TIMEOUT only
        // for keywords nobody set), so defaults the environment or a service file already
        // gives are left out.
        let fromEnvironment = Self.keywordsSetByEnvironment()
        var pairs = timeouts.libpqParameters.filter { !fromEnvironment.contains($0.keyword) }
        // The fallback yields to an application_name in the string and to PGAPPNAME.
        pairs.append(("fallback_application_name", applicationName))
        pairs.append(("dbname", connectionString))
        pairs.append(("client_encoding", "UTF8"))
        keywords = pairs.map(\.keyword)
        values = pairs.map(\.value)
    }

    /// Opens a connection, blocking until it is made or `connect_timeout` runs out.
    /// - Returns: libpq's handle, `CONNECTION_OK` or `CONNECTION_BAD`; nil only without memory.
    func connect() -> OpaquePointer? {
        withCStrings(keywords) { keywords in
            withCStrings(values) { values in
                PQconnectdbParams(keywords, values, 1)
            }
        }
    }

    /// The keywords to which libpq's defaults give a value of their own (from the `PG*`
    /// environment variables or the service named by PGSERVICE), other than the compiled-in one.
    private static func keywordsSetByEnvironment() -> Set<String> {
        guard let options = PQconndefaults() else { return [] }
        defer { PQconninfoFree(options) }
        var keywords: Set<String> = []
        var option = options
        while let keyword = option.pointee.keyword {
            let value = option.pointee.val.map { String(cString: $0) }
            if let value, value != option.pointee.compiled.map({ String(cString: $0) }) {
                keywords.insert(String(cString: keyword))
            }
            option += 1
        }
        return keywords
    }
}

/// Calls `body` with a NULL-terminated array of C strings, valid only during the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
