internal import ProgressTrackingStorage

/// The PostgreSQL schema a store lives in, as the caller named it and as SQL must spell it.
///
/// The name is the caller's text, which may hold anything: it reaches SQL only quoted as an
/// identifier (in `"…"`, each `"` doubled), or as a bound parameter. PostgreSQL cuts longer
/// identifiers to 63 bytes with no more than a notice, which would make two long names one
/// schema: those are refused instead.
struct SchemaName: Sendable, Equatable {
    let name: String

    /// PostgreSQL's identifier limit: NAMEDATALEN - 1.
    static let maximumBytes = 63

    /// - Throws: `.cannotOpen` for an empty name, one over 63 bytes, or one with a NUL character.
    init(_ name: String) throws(StorageError) {
        let bytes = name.utf8.count
        guard bytes > 0 else { throw StorageError(.cannotOpen(reason: "the schema name is empty")) }
        guard bytes <= Self.maximumBytes else {
            throw StorageError(.cannotOpen(reason: "the schema name is \(bytes) bytes long, more than PostgreSQL's \(Self.maximumBytes)"))
        }
        guard !name.utf8.contains(0) else { throw StorageError(.cannotOpen(reason: "the schema name contains a NUL character")) }
        self.name = name
    }

    /// The name as an SQL identifier: `"name"`, with every `"` doubled.
    var quoted: String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
