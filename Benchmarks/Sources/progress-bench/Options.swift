/// The command line: `progress-bench [--quick] [--scale] [--filter [=]NAME]... [--side SIDE]...
/// [--calls N] [--json FILE]`.
struct Options {
    /// Every row once with tiny counts, checking that the sides did the same work (for CI).
    var quick = false
    /// The rows that show how costs grow with the data, instead of the table of issue 6.
    var scale = false
    /// Rows to run, each with the rows under it ("increment" includes "increment.batch"), or
    /// with a leading "=" that row alone (for profiling one row); empty runs every row.
    var filters: [String] = []
    /// The sides to run (all when none is named); GRDB is absent when the package is built
    /// without its `GRDB` trait.
    var sides = SideKind.allCases
    /// The sides of the PostgreSQL rows, named by the same `--side`.
    var postgresSides = SideKind.allCases.filter(\.measuresPostgres)
    /// `--postgres URI`: the server of the PostgreSQL rows, a libpq URI; nil:
    /// `$PROGRESS_TRACKER_TEST_POSTGRES`.
    var postgres: String?
    /// A fixed number of calls per turn instead of a minimum time: for profiling with
    /// callgrind, where instructions per call are what one compares.
    var calls: Int?
    var jsonPath: String?

    static let usage = """
        usage: progress-bench [--quick] [--scale] [--filter [=]NAME]... \
        [--side \(SideKind.allCases.map(\.rawValue).joined(separator: "|"))]... [--calls N] [--json FILE]
        """

    init(arguments: [String]) throws {
        var arguments = arguments[...]
        var named: [SideKind] = []
        while let argument = arguments.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "--scale": scale = true
            case "--filter": filters.append(try Self.value(of: argument, in: &arguments))
            case "--json": jsonPath = try Self.value(of: argument, in: &arguments)
            case "--postgres": postgres = try Self.value(of: argument, in: &arguments)
            case "--side":
                let name = try Self.value(of: argument, in: &arguments)
                guard let side = SideKind(rawValue: name) else { throw BenchError("no side \(name) in this build") }
                named.append(side)
            case "--calls":
                guard let count = Int(try Self.value(of: argument, in: &arguments)), count > 0 else {
                    throw BenchError("--calls needs a positive count")
                }
                calls = count
            default:
                throw BenchError("unknown argument \(argument); \(Self.usage)")
            }
        }
        if !named.isEmpty {
            sides = sides.filter(named.contains)
            postgresSides = postgresSides.filter(named.contains)
        }
    }

    private static func value(of option: String, in arguments: inout ArraySlice<String>) throws -> String {
        guard let value = arguments.popFirst() else { throw BenchError("\(option) needs a value") }
        return value
    }

    func includes(_ row: String) -> Bool {
        filters.isEmpty || filters.contains { row == $0 || row.hasPrefix($0 + ".") || "=" + row == $0 }
    }
}
