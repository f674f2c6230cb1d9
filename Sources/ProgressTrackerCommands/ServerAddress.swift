/// A store on a PostgreSQL server as the user gave it: a URI, which may hold a password, and
/// a schema.
struct ServerAddress {
    /// The URI schemes libpq reads, and so the ones `--db` takes for a server.
    static let schemes = ["postgresql://", "postgres://"]

    let uri: String
    let schema: String

    /// Whether `text` is a server's URI rather than a file's path.
    static func isURI(_ text: String) -> Bool {
        schemes.contains { text.hasPrefix($0) }
    }

    /// Whether `argument` may name a server (the URI alone, or `--db=URI`): what the tool
    /// without libpq checks before parsing, to hand the whole command to its sibling. A set
    /// or tracker named like a URI passes too, which costs only the hand-over.
    static func mayNameAServer(_ argument: String) -> Bool {
        schemes.contains { argument.contains($0) }
    }
}
