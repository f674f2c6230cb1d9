internal import ArgumentParser

/// `--item KEY --reason TEXT`, the options of the commands that settle one item without
/// counting it as processed (`fail`, `skip`).
struct ItemArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The item's key, as `increment --item` counts it.", valueName: "key"))
    var item: String

    @Option(help: ArgumentHelp("Why, in a few words: 1 to 4096 UTF-8 bytes.", valueName: "text"))
    var reason: String
}
