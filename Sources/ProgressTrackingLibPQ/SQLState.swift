/// A PostgreSQL error code (SQLSTATE): five characters, the first two naming the class.
///
/// Callers match on names rather than raw codes, the way GRDB's `ResultCode` lets them write
/// `catch SQLState.uniqueViolation`. The names and codes are those of PostgreSQL's
/// Appendix A, "PostgreSQL Error Codes"; only the ones a storage layer branches on are named.
package struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The five-character code, such as `"23505"`.
    package let rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The class: the first two characters, such as `"23"` (integrity constraint violation).
    package var errorClass: String { String(rawValue.prefix(2)) }

    package var description: String { rawValue }

    // MARK: - Integrity and data

    package static let uniqueViolation = SQLState(rawValue: "23505")
    package static let foreignKeyViolation = SQLState(rawValue: "23503")
    package static let notNullViolation = SQLState(rawValue: "23502")
    package static let checkViolation = SQLState(rawValue: "23514")
    package static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    package static let numericValueOutOfRange = SQLState(rawValue: "22003")
    package static let divisionByZero = SQLState(rawValue: "22012")
    package static let invalidParameterValue = SQLState(rawValue: "22023")

    // MARK: - Transactions and concurrency

    package static let serializationFailure = SQLState(rawValue: "40001")
    package static let deadlockDetected = SQLState(rawValue: "40P01")
    package static let lockNotAvailable = SQLState(rawValue: "55P03")
    package static let inFailedSQLTransaction = SQLState(rawValue: "25P02")
    package static let readOnlySQLTransaction = SQLState(rawValue: "25006")
    package static let idleInTransactionSessionTimeout = SQLState(rawValue: "25P03")

    // MARK: - Operator intervention: cancels, terminations, shutdowns

    /// `statement_timeout` expired or a cancel request arrived (`lock_timeout` gives `lockNotAvailable`).
    package static let queryCanceled = SQLState(rawValue: "57014")
    /// `pg_terminate_backend`, or a fast or smart server shutdown.
    package static let adminShutdown = SQLState(rawValue: "57P01")
    /// Another backend crashed and the server is resetting every session.
    package static let crashShutdown = SQLState(rawValue: "57P02")
    /// The server is starting up or shutting down.
    package static let cannotConnectNow = SQLState(rawValue: "57P03")

    // MARK: - Connecting

    package static let invalidPassword = SQLState(rawValue: "28P01")
    package static let invalidAuthorizationSpecification = SQLState(rawValue: "28000")
    package static let invalidCatalogName = SQLState(rawValue: "3D000")
    package static let tooManyConnections = SQLState(rawValue: "53300")

    // MARK: - Schema and statements

    package static let syntaxError = SQLState(rawValue: "42601")
    package static let undefinedTable = SQLState(rawValue: "42P01")
    package static let undefinedColumn = SQLState(rawValue: "42703")
    package static let undefinedFunction = SQLState(rawValue: "42883")
    package static let duplicateTable = SQLState(rawValue: "42P07")
    package static let duplicateSchema = SQLState(rawValue: "42P06")
    package static let invalidSchemaName = SQLState(rawValue: "3F000")
    package static let insufficientPrivilege = SQLState(rawValue: "42501")
    package static let invalidSQLStatementName = SQLState(rawValue: "26000")
    package static let diskFull = SQLState(rawValue: "53100")

    // MARK: - Damage

    package static let dataCorrupted = SQLState(rawValue: "XX001")
    package static let indexCorrupted = SQLState(rawValue: "XX002")

    /// Lets `catch SQLState.uniqueViolation` match a `PostgresError` carrying that code.
    package static func ~= (pattern: SQLState, error: PostgresError) -> Bool {
        error.sqlState == pattern
    }

    /// Lets `catch SQLState.uniqueViolation` match in untyped `catch` clauses too.
    package static func ~= (pattern: SQLState, error: any Error) -> Bool {
        (error as? PostgresError).map { pattern ~= $0 } ?? false
    }
}
