/// One row of the table: each side's median, ops per second unless `unit` says otherwise.
struct RowResult: Encodable {
    let name: String
    var unit: String?
    var values: [SideKind: Double] = [:]
    /// Rows that report several numbers per side (latency percentiles) have figures instead of
    /// `values`: in the table one line each, in JSON one object per side, by figure key.
    var figures: [Figure] = []
    /// More numbers per side that the row reports, such as latency percentiles, by name.
    var details: [String: [SideKind: Double]] = [:]

    struct Figure {
        /// The name in JSON, such as "p999".
        let key: String
        /// The name in the table, such as "p99.9".
        let label: String
        let values: [SideKind: Double]
    }

    /// The table's lines for this row: one, or one per figure.
    var lines: [(name: String, values: [SideKind: Double])] {
        figures.isEmpty ? [(name, values)] : figures.map { ("\(name) \($0.label)", $0.values) }
    }

    /// How many times as good as `base` `value` is: for rates more is better, for bytes and
    /// seconds less is.
    func ratio(_ value: Double?, over base: Double?) -> Double? {
        guard let value, let base, base > 0, value > 0 else { return nil }
        return unit == nil ? value / base : base / value
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: Key(stringValue: "name"))
        try container.encodeIfPresent(unit, forKey: Key(stringValue: "unit"))
        for (side, value) in values { try container.encode(value, forKey: Key(stringValue: side.rawValue)) }
        for side in Set(figures.flatMap(\.values.keys)) {
            let object = Dictionary(uniqueKeysWithValues: figures.compactMap { figure in figure.values[side].map { (figure.key, $0) } })
            try container.encode(object, forKey: Key(stringValue: side.rawValue))
        }
        for (detail, sides) in details {
            try container.encode(
                Dictionary(uniqueKeysWithValues: sides.map { ($0.key.rawValue, $0.value) }),
                forKey: Key(stringValue: detail)
            )
        }
    }
}

extension RowResult.Figure {
    /// The figures of a latency row from each side's latencies in seconds: p50, p99, p99.9, max.
    static func latencies(_ latencies: [SideKind: [Double]]) -> [RowResult.Figure] {
        let percentiles = [("p50", "p50", 0.5), ("p99", "p99", 0.99), ("p999", "p99.9", 0.999)]
        return percentiles.map { key, label, fraction in
            RowResult.Figure(key: key, label: label, values: latencies.mapValues { percentile(fraction, of: $0) })
        } + [RowResult.Figure(key: "max", label: "max", values: latencies.mapValues { $0.max()! })]
    }
}
