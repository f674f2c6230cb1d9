internal import ArgumentParser

/// `SET TRACKER`, the two positional arguments of the commands that write to one tracker.
struct TrackerArguments: ParsableArguments {
    @Argument(help: "The tracker set.")
    var set: String

    @Argument(help: "The tracker, by name.")
    var tracker: String
}
