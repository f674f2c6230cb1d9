internal import ProgressTrackingStorage

/// A marker of the store's state: two tokens differ if anyone, in this process or another,
/// committed a change to the store between the two reads.
///
/// Reading one is O(1) (for SQLite, `PRAGMA data_version`): a watcher compares tokens and
/// re-reads the status only when they differ.
public struct ChangeToken: Sendable, Equatable {
    let storageToken: StorageChangeToken

    init(_ storageToken: StorageChangeToken) {
        self.storageToken = storageToken
    }
}
