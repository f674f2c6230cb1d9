/// Every tracker's progress in a set and the set's overall progress, read in one snapshot.
///
/// Encodes to the seed's shape,
/// `{"trackers":{"download":{"current":50,"total":100,"percent":50}},"overall":40}`,
/// plus `"order"`, the tracker names in creation order (JSON objects have no order).
public struct TrackerSetStatus: Codable, Sendable, Equatable {
    /// Each tracker's status, by name.
    public var trackers: [String: TrackerStatus]
    /// The weighted overall progress in percent, 0...100.
    public var overall: Double
    /// The names of `trackers` in creation order.
    public var order: [String]

    public init(trackers: [String: TrackerStatus] = [:], overall: Double, order: [String] = []) {
        self.trackers = trackers
        self.overall = overall
        self.order = order
    }

    /// Adds a tracker after the ones already there.
    mutating func append(_ name: String, _ status: TrackerStatus) {
        trackers[name] = status
        order.append(name)
    }

    private enum CodingKeys: String, CodingKey {
        case trackers, overall, order
    }

    /// Decodes the seed's shape too, which has no `"order"`: its trackers come in name order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trackers = try container.decode([String: TrackerStatus].self, forKey: .trackers)
        overall = try container.decode(Double.self, forKey: .overall)
        order = try container.decodeIfPresent([String].self, forKey: .order) ?? trackers.keys.sorted()
    }
}
