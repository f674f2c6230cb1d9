internal import ArgumentParser

/// `--table`, `--json` or `--csv`, for the commands that list records (`history`, `failures`):
/// a table for people, with other people's text escaped and cut, or JSON or CSV for programs,
/// with every value exact. Each command's discussion names the fields.
enum OutputFormat: String, EnumerableFlag {
    case table, json, csv

    static func help(for value: OutputFormat) -> ArgumentHelp? {
        switch value {
        case .table: "Print a table (the default)."
        case .json: "Print a JSON array, values exact."
        case .csv: "Print CSV with a header line, values exact (RFC 4180 quoting)."
        }
    }
}
