internal import ProgressTrackingStorage

extension ProgressTrackingError {
    /// What a storage failure means to the caller: the one place where storage errors become
    /// the public error.
    /// - Parameters:
    ///   - location: The store, as messages name it (a path, or a server).
    ///   - busyTimeout: The store's busy timeout, which `.busy` reports.
    ///   - subject: The set or tracker the call was about.
    init(_ error: StorageError, location: String, busyTimeout: Duration, subject: CallSubject) {
        self = switch error.kind {
        case .missing(.trackerSet): .trackerSetRemoved(set: subject.setName)
        case .missing(.tracker): .trackerRemoved(tracker: subject.trackerName, set: subject.setName)
        case .exists: .trackerExists(tracker: subject.trackerName, set: subject.setName)
        case .busy: .busy(path: location, timeout: busyTimeout)
        case .full: .storageFull(path: location)
        case .readOnly: .readOnly(path: location)
        case let .cannotOpen(reason): .cannotOpen(path: location, reason: reason)
        case .notADatabase: .notADatabase(path: location)
        case .notAProgressStore: .notAProgressStore(path: location)
        case .corrupt: .corrupt(path: location)
        case let .newerSchema(version, supported): .newerSchema(path: location, version: version, supported: supported)
        case let .outdatedSchema(version, supported): .outdatedSchema(path: location, version: version, supported: supported)
        case let .connectionLost(reason): .connectionLost(path: location, reason: reason)
        case let .commitOutcomeUnknown(reason): .commitOutcomeUnknown(path: location, reason: reason)
        case let .other(code, message, sql): .database(path: location, DatabaseError(code: code, message: message, sql: sql))
        }
    }
}
