internal import ProgressTrackingSQLite
internal import ProgressTrackingStorage

extension StorageError {
    /// What an SQLite failure means to the service: the one place where SQLite's result codes
    /// are matched.
    init(_ error: SQLiteError) {
        switch error.code.primary {
        case .busy, .locked:
            // SQLite may roll back the whole transaction after these (lang_transaction.html).
            self.init(.busy, endsTransaction: true)
        case .full:
            self.init(.full, endsTransaction: true)
        case .readOnly:
            self.init(.readOnly)
        case .cantOpen:
            self.init(.cannotOpen(reason: error.code == .cantOpenIsDirectory ? "it is a directory" : error.message))
        case .notADatabase:
            self.init(.notADatabase)
        case .corrupt:
            self.init(.corrupt, endsTransaction: true)
        case .ioError, .noMemory:
            self.init(.other(code: error.code.description, message: error.message, sql: error.sql), endsTransaction: true)
        default:
            self.init(.other(code: error.code.description, message: error.message, sql: error.sql))
        }
    }
}

/// Runs `body`, translating its SQLite failure into a `StorageError`.
@discardableResult
func sqlite<T>(_ body: () throws(SQLiteError) -> T) throws(StorageError) -> T {
    do {
        return try body()
    } catch {
        throw StorageError(error)
    }
}
