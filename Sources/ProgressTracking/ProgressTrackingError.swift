/// Why a call on a store, a tracker set or a tracker failed.
///
/// Every case names the problem and the value or store involved, and ``description`` says it
/// in one line. A call that throws has changed nothing in the store. `path` names the store:
/// its file, or for a store on a database server, the server as `host:port/database` and the
/// user (never a password).
///
/// Calls declare `throws(ProgressTrackingError)`, so a `catch` can match cases without a cast:
///
/// ```swift
/// func count(_ key: String, on tracker: ProgressTracker) -> String {
///     do {
///         return try tracker.increment(item: key) ? "counted" : "counted before"
///     } catch .busy {
///         return "another process holds the store; try again later"
///     } catch {
///         return "failed: \(error)" // names the problem and the value
///     }
/// }
/// ```
///
/// The cases fall in three groups: bad input (the caller can fix the call), the state of the
/// store (a tracker that exists, or was removed), and the file or server. <doc:Guarantees>
/// says which failure each situation gives.
public enum ProgressTrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What a name belongs to, for messages.
    public enum NameKind: String, Sendable {
        /// The name of a tracker set.
        case trackerSet = "tracker set"
        /// The name of a tracker.
        case tracker
    }

    /// What a text the caller gave is, for messages.
    public enum TextKind: String, Sendable {
        /// A tracker set's name.
        case trackerSetName = "tracker set name"
        /// A tracker's name.
        case trackerName = "tracker name"
        /// An item's key.
        case itemKey = "item key"
        /// The reason of a failure or a skip.
        case reason
        /// A tracker's cursor.
        case cursor
    }

    // MARK: Bad input

    /// Names must not be empty.
    case emptyName(NameKind)
    /// Names are at most `Validation.maximumNameBytes` (255) UTF-8 bytes; `bytes` is the name's length.
    case nameTooLong(NameKind, name: String, bytes: Int)
    /// Item keys must not be empty.
    case emptyItemKey
    /// Item keys are at most 65,536 UTF-8 bytes; `bytes` is the key's length.
    case itemKeyTooLong(key: String, bytes: Int)
    /// Names, item keys, reasons and cursors must not contain U+0000, which not every
    /// database can store.
    case nullCharacter(TextKind, value: String)
    /// A reason must not be empty.
    case emptyText(TextKind)
    /// A reason is at most 4,096 UTF-8 bytes, a cursor 65,536; `bytes` is the text's length.
    case textTooLong(TextKind, value: String, bytes: Int)
    /// A listing's limit (of failures) was negative.
    case negativeLimit(Int)
    /// An increment was negative.
    case negativeAmount(Int)
    /// A total was negative.
    case negativeTotal(Int)
    /// A current count was negative.
    case negativeCurrent(Int)
    /// A weight was not 0 and not between 1e-18 and 1e18 (negative, infinite, NaN, or so large
    /// or small that a set's overall could not be computed exactly).
    case invalidWeight(Double)
    /// The increment would take the count past `Int.max`; the count is unchanged.
    case countOverflow(tracker: String, amount: Int)

    // MARK: State of the store

    /// `createTracker` found a tracker of that name in the set.
    case trackerExists(tracker: String, set: String)
    /// The tracker behind this handle was removed.
    case trackerRemoved(tracker: String, set: String)
    /// The tracker set behind this handle was removed.
    case trackerSetRemoved(set: String)
    /// `fail(item:reason:)` of an item that is counted: a counted item cannot fail.
    case itemAlreadyCounted(key: String, tracker: String)

    // MARK: The file

    /// The store could not be opened; `reason` says why: an empty path, a missing directory,
    /// a directory, device or pipe, no permission to write the file, no such file (read-only).
    case cannotOpen(path: String, reason: String)
    /// The file is not an SQLite database (random bytes, a text file).
    case notADatabase(path: String)
    /// The file is an SQLite database made by another program.
    case notAProgressStore(path: String)
    /// The database is damaged (a truncated file, for instance); it was left as it was.
    case corrupt(path: String)
    /// The file was written by a newer version of this library; it was left untouched.
    case newerSchema(path: String, version: Int, supported: Int)
    /// A read-only store cannot upgrade an older file; open it once read-write.
    case outdatedSchema(path: String, version: Int, supported: Int)
    /// The disk, or the database's size limit, is full. Earlier counts are intact.
    case storageFull(path: String)
    /// Another connection held the lock for longer than the busy timeout (`timeout`); the
    /// call changed nothing, and can be made again.
    case busy(path: String, timeout: Duration)
    /// A write was attempted on a store opened read-only.
    case readOnly(path: String)
    /// The connection to the database server broke. The call changed nothing, or it
    /// returned normally: no call ends with an unknown outcome. The next call reconnects.
    case connectionLost(path: String, reason: String)
    /// Any other failure the database reported.
    case database(path: String, DatabaseError)

    /// The problem and the value in one line: for example `increment must not be negative: -5`.
    /// Values that can be long (an over-long name, an item key) are cut to their first 40
    /// characters. Names and keys are quoted as they are, control characters included: escape
    /// the text before it reaches a terminal, as the command-line tool does.
    public var description: String {
        switch self {
        case let .emptyName(kind):
            "\(kind.rawValue) name must not be empty"
        case let .nameTooLong(kind, name, bytes):
            "\(kind.rawValue) name is \(bytes) UTF-8 bytes long, more than the limit of \(Validation.maximumNameBytes): \"\(name.prefix(40))…\""
        case .emptyItemKey:
            "item key must not be empty"
        case let .itemKeyTooLong(key, bytes):
            "item key is \(bytes) UTF-8 bytes long, more than the limit of \(Validation.maximumItemKeyBytes): \"\(key.prefix(40))…\""
        case let .nullCharacter(kind, value):
            "\(kind.rawValue) must not contain the NUL character (U+0000): \"\(value.prefix(40).replacing("\u{0}", with: "\\0"))\""
        case let .emptyText(kind):
            "\(kind.rawValue) must not be empty"
        case let .textTooLong(kind, value, bytes):
            "\(kind.rawValue) is \(bytes) UTF-8 bytes long, more than the limit of \(Validation.maximumBytes(of: kind)): \"\(value.prefix(40))…\""
        case let .negativeLimit(limit):
            "limit must not be negative: \(limit)"
        case let .negativeAmount(amount):
            "increment must not be negative: \(amount)"
        case let .negativeTotal(total):
            "total must not be negative: \(total)"
        case let .negativeCurrent(current):
            "current count must not be negative: \(current)"
        case let .invalidWeight(weight):
            "weight must be 0 or between 1e-18 and 1e18: \(weight)"
        case let .countOverflow(tracker, amount):
            "incrementing tracker \"\(tracker)\" by \(amount) would overflow its count"
        case let .trackerExists(tracker, set):
            "tracker \"\(tracker)\" already exists in set \"\(set)\""
        case let .trackerRemoved(tracker, set):
            "tracker \"\(tracker)\" was removed from set \"\(set)\""
        case let .trackerSetRemoved(set):
            "tracker set \"\(set)\" was removed"
        case let .itemAlreadyCounted(key, tracker):
            "item \"\(key.prefix(40))\" of tracker \"\(tracker)\" is counted, so it cannot fail"
        case let .cannotOpen(path, reason):
            "cannot open \(path): \(reason)"
        case let .notADatabase(path):
            "not a database file: \(path)"
        case let .notAProgressStore(path):
            "not a progress store (an SQLite database made by another program): \(path)"
        case let .corrupt(path):
            "the database is damaged: \(path)"
        case let .newerSchema(path, version, supported):
            "\(path) has schema version \(version), newer than this version of ProgressTracking supports (\(supported)); it was left untouched"
        case let .outdatedSchema(path, version, supported):
            "\(path) has schema version \(version), older than \(supported); open it once for writing to upgrade it"
        case let .storageFull(path):
            "the disk or database is full: \(path); nothing of this call was written"
        case let .busy(path, timeout):
            "the database is locked by another connection (waited \(timeout)): \(path)"
        case let .readOnly(path):
            "the store is read-only: \(path)"
        case let .connectionLost(path, reason):
            "lost the connection to \(path): \(reason); nothing of this call was written"
        case let .database(path, error):
            "\(path): \(error)"
        }
    }
}
