import Foundation

/// The table on stdout, ratios first, and its JSON twin.
enum Table {
    static func print(_ rows: [RowResult], sides: [SideKind]) {
        let others = sides.filter { $0 != .library }
        let header = ["row"] + others.map { "lib/\($0.label)" } + sides.map(\.label)
        var lines = [header]
        for row in rows {
            for (name, values) in row.lines {
                let ratios = others.map { row.ratio(values[.library], over: values[$0]).map { String(format: "%.2f", $0) } ?? "-" }
                lines.append([name] + ratios + sides.map { values[$0].map { format($0, unit: row.unit) } ?? "-" })
            }
        }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max()! }
        for (index, line) in lines.enumerated() {
            Swift.print(line.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
            if index == 0 { Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        for row in rows where !row.details.isEmpty {
            for (detail, values) in row.details.sorted(by: { $0.key < $1.key }) {
                let unit = detail.hasSuffix("_bytes") ? "bytes" : detail.hasSuffix("_seconds") ? "seconds" : nil
                let text = sides.compactMap { side in values[side].map { "\(side.label) \(format($0, unit: unit))" } }
                Swift.print("\(row.name) \(detail): \(text.joined(separator: ", "))")
            }
        }
        Swift.print("Ratios are library/other: above 1 the library is ahead (for bytes and seconds, it uses less).")
    }

    private static func format(_ value: Double, unit: String?) -> String {
        if unit == "bytes" { return abs(value) >= 10_000 ? "\(Int(value / 1_024)) KiB" : String(format: "%.1f B", value) }
        if unit == "seconds" {
            return value < 1e-3 ? String(format: "%.1f µs", value * 1e6) : value < 1 ? String(format: "%.2f ms", value * 1e3) : String(format: "%.2f s", value)
        }
        return value >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    }

    /// `server` describes the PostgreSQL server of the PostgreSQL rows, if they ran.
    static func writeJSON(_ rows: [RowResult], machine: Machine, server: PostgresServer.Description? = nil, to path: String) throws {
        struct Document: Encodable {
            let machine: Machine
            let server: PostgresServer.Description?
            let rows: [RowResult]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(Document(machine: machine, server: server, rows: rows)).write(to: URL(fileURLWithPath: path))
    }
}

extension SideKind {
    var label: String {
        switch self {
        case .library: "library"
        case .c: "minimal C"
        #if GRDB
        case .grdb: "GRDB"
        #endif
        }
    }
}
