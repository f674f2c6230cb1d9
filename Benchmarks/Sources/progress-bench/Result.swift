/// One row of the table: each side's median, ops per second unless `unit` says otherwise.
struct RowResult: Encodable {
    let name: String
    var unit: String?
    var values: [SideKind: Double]
    /// More numbers per side that the row reports, such as latency percentiles, by name.
    var details: [String: [SideKind: Double]] = [:]

    func ratio(_ side: SideKind, over other: SideKind) -> Double? {
        guard let value = values[side], let base = values[other], base > 0 else { return nil }
        // For bytes, less is better: the ratio is still "how many times as good as".
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
        for (detail, sides) in details {
            try container.encode(
                Dictionary(uniqueKeysWithValues: sides.map { ($0.key.rawValue, $0.value) }),
                forKey: Key(stringValue: detail)
            )
        }
    }
}
