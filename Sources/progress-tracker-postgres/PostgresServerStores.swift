internal import ProgressTracking
internal import ProgressTrackerCommands
internal import ProgressTrackingPostgres

/// Stores on PostgreSQL servers, through the PostgreSQL product (and so libpq).
struct PostgresServerStores: ServerStores {
    func location(of uri: String, schema: String) -> String {
        PostgresStoreAddress(connectionString: uri, schema: schema).location
    }

    func masked(_ uri: String) -> String {
        PostgresStoreAddress(connectionString: uri, schema: "").maskedConnectionString
    }

    func hidingPasswords(in argument: String) -> String {
        PostgresStoreAddress.hidingPasswords(in: argument)
    }

    func open(_ uri: String, schema: String, readOnly: Bool) throws -> ProgressStore {
        try ProgressStore(postgres: uri, schema: schema, readOnly: readOnly)
    }
}
