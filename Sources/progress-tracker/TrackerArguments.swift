internal import ArgumentParser

/// `SET TRACKER`, the two positional arguments of the commands that write to one tracker.
struct TrackerArguments: ParsableArguments {
    @Argument(help: "The tracker set.")
    var set: String

    @Argument(help: "The tracker, by name.")
    var tracker: String

    /// The help of `--weight`, the same for `create` and `open`.
    static let weightHelp = "Its share of the overall progress: a finite number, 0 or more (default: weighed by its total)."
}
