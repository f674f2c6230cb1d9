internal import CProgressTrackingSQLite

/// An SQLite result code, primary or extended (https://sqlite.org/rescode.html), matchable
/// by name: `catch let error where error.code == .constraintUnique`, or `case .busy:`.
///
/// Extended codes are macros that Swift does not import, so the ones the layers above need
/// are spelled out here as `primary | (n << 8)`, as `sqlite3.h` defines them.
package struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The primary code: the low byte of an extended code, such as `.constraint` for `.constraintUnique`.
    package var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    package static let ok = ResultCode(rawValue: SQLITE_OK)
    package static let error = ResultCode(rawValue: SQLITE_ERROR)
    package static let busy = ResultCode(rawValue: SQLITE_BUSY)
    package static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    package static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    package static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    package static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    package static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    package static let full = ResultCode(rawValue: SQLITE_FULL)
    package static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    package static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    package static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
    package static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    package static let range = ResultCode(rawValue: SQLITE_RANGE)
    package static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)

    package static let busyRecovery = ResultCode(rawValue: SQLITE_BUSY | (1 << 8))
    package static let busySnapshot = ResultCode(rawValue: SQLITE_BUSY | (2 << 8))
    package static let readOnlyRecovery = ResultCode(rawValue: SQLITE_READONLY | (1 << 8))
    package static let readOnlyCantLock = ResultCode(rawValue: SQLITE_READONLY | (2 << 8))
    package static let readOnlyRollback = ResultCode(rawValue: SQLITE_READONLY | (3 << 8))
    package static let readOnlyDatabaseMoved = ResultCode(rawValue: SQLITE_READONLY | (4 << 8))
    package static let readOnlyCantInit = ResultCode(rawValue: SQLITE_READONLY | (5 << 8))
    package static let readOnlyDirectory = ResultCode(rawValue: SQLITE_READONLY | (6 << 8))
    package static let cantOpenIsDirectory = ResultCode(rawValue: SQLITE_CANTOPEN | (2 << 8))
    package static let constraintCheck = ResultCode(rawValue: SQLITE_CONSTRAINT | (1 << 8))
    package static let constraintForeignKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (3 << 8))
    package static let constraintNotNull = ResultCode(rawValue: SQLITE_CONSTRAINT | (5 << 8))
    package static let constraintPrimaryKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (6 << 8))
    package static let constraintUnique = ResultCode(rawValue: SQLITE_CONSTRAINT | (8 << 8))
    package static let constraintDatatype = ResultCode(rawValue: SQLITE_CONSTRAINT | (12 << 8))

    /// SQLite's own name for the code, such as `SQLITE_CONSTRAINT_UNIQUE`, for messages and logs.
    package var description: String {
        Self.names[rawValue] ?? Self.names[primary.rawValue].map { "\($0) (extended code \(rawValue))" } ?? "SQLite result code \(rawValue)"
    }

    private static let names: [Int32: String] = [
        SQLITE_OK: "SQLITE_OK", SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL",
        SQLITE_PERM: "SQLITE_PERM", SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY",
        SQLITE_LOCKED: "SQLITE_LOCKED", SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY",
        SQLITE_INTERRUPT: "SQLITE_INTERRUPT", SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT",
        SQLITE_NOTFOUND: "SQLITE_NOTFOUND", SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN",
        SQLITE_PROTOCOL: "SQLITE_PROTOCOL", SQLITE_SCHEMA: "SQLITE_SCHEMA", SQLITE_TOOBIG: "SQLITE_TOOBIG",
        SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH", SQLITE_MISUSE: "SQLITE_MISUSE",
        SQLITE_NOLFS: "SQLITE_NOLFS", SQLITE_AUTH: "SQLITE_AUTH", SQLITE_RANGE: "SQLITE_RANGE",
        SQLITE_NOTADB: "SQLITE_NOTADB",
        busyRecovery.rawValue: "SQLITE_BUSY_RECOVERY", busySnapshot.rawValue: "SQLITE_BUSY_SNAPSHOT",
        readOnlyRecovery.rawValue: "SQLITE_READONLY_RECOVERY", readOnlyCantLock.rawValue: "SQLITE_READONLY_CANTLOCK",
        readOnlyRollback.rawValue: "SQLITE_READONLY_ROLLBACK", readOnlyDatabaseMoved.rawValue: "SQLITE_READONLY_DBMOVED",
        readOnlyCantInit.rawValue: "SQLITE_READONLY_CANTINIT", readOnlyDirectory.rawValue: "SQLITE_READONLY_DIRECTORY",
        cantOpenIsDirectory.rawValue: "SQLITE_CANTOPEN_ISDIR",
        constraintCheck.rawValue: "SQLITE_CONSTRAINT_CHECK", constraintForeignKey.rawValue: "SQLITE_CONSTRAINT_FOREIGNKEY",
        constraintNotNull.rawValue: "SQLITE_CONSTRAINT_NOTNULL", constraintPrimaryKey.rawValue: "SQLITE_CONSTRAINT_PRIMARYKEY",
        constraintUnique.rawValue: "SQLITE_CONSTRAINT_UNIQUE", constraintDatatype.rawValue: "SQLITE_CONSTRAINT_DATATYPE",
    ]
}
