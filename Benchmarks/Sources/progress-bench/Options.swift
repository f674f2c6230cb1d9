/// The command line: `progress-bench [--quick] [--filter NAME]... [--json FILE]`.
struct Options {
    /// Every row once with tiny counts, checking that the sides did the same work (for CI).
    var quick = false
    /// Row names or prefixes to run; empty runs every row.
    var filters: [String] = []
    var jsonPath: String?
    /// The sides to run; the GRDB side is absent when the package is built without the `GRDB` trait.
    var sides = SideKind.allCases

    init(arguments: [String]) throws {
        var arguments = arguments[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "--filter": filters.append(try Self.value(of: argument, in: &arguments))
            case "--json": jsonPath = try Self.value(of: argument, in: &arguments)
            default: throw BenchError("unknown argument \(argument); usage: progress-bench [--quick] [--filter NAME]... [--json FILE]")
            }
        }
    }

    private static func value(of option: String, in arguments: inout ArraySlice<String>) throws -> String {
        guard let value = arguments.popFirst() else { throw BenchError("\(option) needs a value") }
        return value
    }

    func includes(_ row: String) -> Bool {
        filters.isEmpty || filters.contains { row == $0 || row.hasPrefix($0 + ".") }
    }
}
