internal import ProgressTrackingPostgresStorage

/// Where a store on a PostgreSQL server is, as a program's user gives it: a connection
/// string and a schema. For the command-line tool, which takes a URI wherever it takes a file
/// and must name the store without ever showing a password.
package struct PostgresStoreAddress: Sendable {
    /// The URI schemes libpq reads.
    package static let schemes = ["postgresql://", "postgres://"]

    /// May hold a password: never shown.
    package let connectionString: String
    package let schema: String

    package init(connectionString: String, schema: String) {
        self.connectionString = connectionString
        self.schema = schema
    }

    /// How messages name the store, as ``ProgressStore/path`` of the store opened there does:
    /// `host:port/database as user, schema S`, worked out without connecting.
    package var location: String {
        PostgresConnector.location(connectionString: connectionString, schema: schema)
    }

    /// The connection string with its passwords masked (`********`), for a command line shown
    /// to the user, who supplies the password (or keeps it in `~/.pgpass`).
    package var maskedConnectionString: String {
        PostgresConnector.masked(connectionString: connectionString)
    }

    /// `argument` with the password of every PostgreSQL URI in it (`--db=postgresql://…` or
    /// the URI alone) replaced by one `*` per UTF-8 byte: the same length, so that it can
    /// overwrite the argument in the process's own memory.
    package static func hidingPasswords(in argument: String) -> String {
        guard let start = schemes.compactMap({ argument.firstRange(of: $0)?.lowerBound }).min() else { return argument }
        return String(argument[..<start]) + PostgresConnector.masked(connectionString: String(argument[start...]), keepingLength: true)
    }
}
