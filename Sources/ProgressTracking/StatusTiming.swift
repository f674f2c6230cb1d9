#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The timing that a tracker's status and a set's status both carry, and its JSON keys,
/// which follow the seed's keys in the same object.
protocol StatusTiming {
    var startedAt: Date? { get set }
    var updatedAt: Date? { get set }
    var completedAt: Date? { get set }
    var elapsed: Double { get set }
    var rate: Double? { get set }
    var eta: Double? { get set }
}

private enum TimingKey: String, CodingKey {
    case startedAt, updatedAt, completedAt, elapsed, rate, eta
}

extension StatusTiming {
    /// Reads the timing keys, each optional: the seed's JSON has none.
    mutating func decodeTiming(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TimingKey.self)
        startedAt = try container.decodeIfPresent(Date.self, forKey: .startedAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
        elapsed = try container.decodeIfPresent(Double.self, forKey: .elapsed) ?? 0
        rate = try container.decodeIfPresent(Double.self, forKey: .rate)
        eta = try container.decodeIfPresent(Double.self, forKey: .eta)
    }

    /// Writes what is known: the values that are not nil, and `elapsed` once started.
    func encodeTiming(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TimingKey.self)
        try container.encodeIfPresent(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try container.encodeIfPresent(completedAt, forKey: .completedAt)
        if startedAt != nil { try container.encode(elapsed, forKey: .elapsed) }
        try container.encodeIfPresent(rate, forKey: .rate)
        try container.encodeIfPresent(eta, forKey: .eta)
    }
}
