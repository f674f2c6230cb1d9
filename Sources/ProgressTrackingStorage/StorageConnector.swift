/// How the service opens a store's connections: one storage backend's configuration.
///
/// A store has one writer connection, which the service serializes, and reads outside a
/// transaction go to a reader connection of their own, so that they never wait behind a
/// write, in this process or another.
package protocol StorageConnector: Sendable {
    /// How messages name the store: a file's path, or a server as host, port, database and
    /// user (never a password).
    var location: String { get }
    /// Opens the connection that writes, bringing the store's schema up to date first.
    func openWriter() throws(StorageError) -> any TrackerStorage
    /// Whether the store can have connections besides the writer; a private in-memory
    /// database cannot, and its reads share the writer.
    var allowsReaders: Bool { get }
    /// Opens a connection that only reads, checking that the store's schema is current.
    func openReader() throws(StorageError) -> any TrackerStorage
}
