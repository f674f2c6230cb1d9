internal import ProgressTrackerCommands

ProgressTrackerTool.main(serverStores: PostgresServerStores())
