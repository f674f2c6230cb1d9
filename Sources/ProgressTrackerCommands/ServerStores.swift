package import ProgressTracking
internal import Synchronization

/// What the tool needs of stores on a PostgreSQL server, provided by the executable that links
/// libpq (`progress-tracker-postgres`).
///
/// The commands do not import the PostgreSQL product themselves: loading libpq and the
/// libraries it needs (TLS, Kerberos, LDAP: 24 of them) costs each process about 10 million
/// instructions, more than the rest of a `progress-tracker increment`. So `progress-tracker`
/// is built without it and hands a command that names a server to its sibling.
package protocol ServerStores: Sendable {
    /// How messages name the store: `host:port/database as user, schema S`, never a password.
    func location(of uri: String, schema: String) -> String
    /// The URI with its password masked, for a command line shown to the user.
    func masked(_ uri: String) -> String
    /// `argument` with every URI password replaced by as many `*`s as it had bytes.
    func hidingPasswords(in argument: String) -> String
    /// Opens the store in `schema` on the server at `uri`.
    func open(_ uri: String, schema: String, readOnly: Bool) throws -> ProgressStore
}

/// The server support the executable installed before parsing: nil in `progress-tracker`.
enum InstalledServerStores {
    private static let installed = Mutex<(any ServerStores)?>(nil)

    static var current: (any ServerStores)? { installed.withLock { $0 } }

    static func install(_ stores: (any ServerStores)?) {
        installed.withLock { $0 = stores }
    }

    /// The support a command that names a server needs.
    /// - Throws: `CommandError.noServerSupport` in a tool built without it.
    static func required() throws -> any ServerStores {
        guard let current else { throw CommandError.noServerSupport(tool: SiblingTool.name) }
        return current
    }
}
