internal import ArgumentParser

/// `SET TRACKER`, the two positional arguments of the commands that write to one tracker.
struct TrackerArguments: ParsableArguments {
    @Argument(help: "The tracker set.")
    var set: String

    @Argument(help: "The tracker, by name.")
    var tracker: String

    /// The help of `--weight`, the same for `create` and `open`.
    static let weightHelp = "Its share of the overall progress: 0, or from 1e-18 to 1e18 (default: weighed by its total)."
}
