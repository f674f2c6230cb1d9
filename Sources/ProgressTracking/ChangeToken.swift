/// A marker of the file's state: two tokens differ if anyone, in this process or another,
/// committed a change to the file between the two reads.
///
/// Reading one is O(1) (`PRAGMA data_version`): a watcher compares tokens and re-reads the
/// status only when they differ.
public struct ChangeToken: Sendable, Equatable {
    let dataVersion: Int
    let localChanges: Int
}
