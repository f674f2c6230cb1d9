/// A storage's marker of the database's state: two differ if anyone committed a change
/// between the two reads. Its parts mean what the storage that made it says.
package struct StorageChangeToken: Hashable, Sendable {
    package var version: Int64
    package var localChanges: Int64

    package init(version: Int64, localChanges: Int64) {
        self.version = version
        self.localChanges = localChanges
    }
}
