/// The passwords a connection string holds, so that no message, description or log line
/// repeats them.
///
/// libpq's own messages can quote the connection string: a malformed URI is echoed whole
/// (`unexpected character ... in URI: "postgresql://user:secret@…"`), and a bad percent-encoding
/// quotes the token that holds it. Every text this module builds from libpq or the server
/// therefore passes through `redact`. The passwords are found by reading the string the way
/// libpq does (fe-connect.c, `conninfo_uri_parse_options` and `conninfo_parse`), in both the
/// spelling the string uses and the decoded one, so that a string libpq refuses is covered too.
struct ConnectionSecrets: Sendable {
    /// Longest first, so that a password containing another is replaced whole.
    private let secrets: [String]

    /// What replaces a password.
    static let mask = "********"

    /// - Parameters:
    ///   - connectionString: the string as the caller gave it.
    ///   - alsoHiding: passwords known from elsewhere (libpq's parse of the string, `PGPASSWORD`).
    init(connectionString: String, alsoHiding others: [String?] = []) {
        var found = Self.uriPasswords(in: connectionString) + Self.keywordPasswords(in: connectionString)
        found += others.compactMap { $0 }
        secrets = Set(found.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// `text` with every password replaced by `mask`.
    func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: Self.mask) }
    }

    /// `text` with every password replaced by as many `*` as it has UTF-8 bytes: for memory
    /// that holds the text and cannot grow.
    func redactKeepingLength(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: String(repeating: "*", count: $1.utf8.count)) }
    }

    // MARK: - URIs: postgresql://user:password@host/db?password=…

    private static func uriPasswords(in string: String) -> [String] {
        guard let scheme = ["postgresql://", "postgres://"].first(where: string.hasPrefix) else { return [] }
        var found: [String] = []
        let rest = string.dropFirst(scheme.count)
        // libpq takes the user part to end at the first "@" met before any "/", and the
        // password to run from the first ":" in it to that "@".
        if let at = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[at] == "@",
            let colon = rest[..<at].firstIndex(of: ":")
        {
            let raw = String(rest[rest.index(after: colon)..<at])
            found += [raw, percentDecoded(raw)]
        }
        if let query = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, percentDecoded(String(parts[0])) == "password" else { continue }
                found += [String(parts[1]), percentDecoded(String(parts[1]))]
            }
        }
        return found
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Keyword form: host=… password='…'

    /// Reads `keyword = value` pairs as libpq does: values are bare up to white space or
    /// single-quoted, and a backslash escapes the next character in both.
    private static func keywordPasswords(in string: String) -> [String] {
        var found: [String] = []
        var rest = Substring(string)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            let keyword = rest.prefix(while: { !$0.isWhitespace && $0 != "=" })
            guard !keyword.isEmpty else { return found }
            rest = rest[keyword.endIndex...].drop(while: \.isWhitespace)
            guard rest.first == "=" else { return found }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            let quoted = rest.first == "'"
            var value = ""
            var end = quoted ? rest.index(after: rest.startIndex) : rest.startIndex
            while end < rest.endIndex {
                let character = rest[end]
                if quoted ? character == "'" : character.isWhitespace { break }
                if character == "\\", rest.index(after: end) < rest.endIndex {
                    end = rest.index(after: end)
                }
                value.append(rest[end])
                end = rest.index(after: end)
            }
            if quoted, end < rest.endIndex { end = rest.index(after: end) }
            if keyword == "password" { found += [String(rest[..<end]), value] }
            rest = rest[end...]
        }
    }
}
