internal import ProgressTrackerCommands

// Built without libpq, so that every call starts fast; it hands a command that names a
// PostgreSQL server to progress-tracker-postgres.
ProgressTrackerTool.main(serverStores: nil)
