#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// The JSON the commands print: keys sorted, dates as ISO 8601 text, which people and jq read
/// (Foundation's default is seconds since 2001).
///
/// Machine output, so values stay exact; and safe on a terminal all the same: JSON escapes
/// the C0 controls itself, and the characters it may leave raw that a terminal acts on (DEL,
/// C1, bidirectional controls, line separators: `TerminalEscape.isUnsafe`) are written as
/// `\uXXXX` escapes, which decode to the same text. A number that is not finite, which JSON
/// cannot hold, is written as the string "NaN", "Infinity" or "-Infinity" rather than failing.
package enum JSONText {
    /// `value` encoded.
    /// - Throws: what `value`'s `encode(to:)` throws.
    package static func of(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        return escapingUnsafeScalars(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Outside strings JSON has only ASCII punctuation, digits and letters, so every unsafe
    /// scalar is inside a string, where `\uXXXX` means the same scalar.
    private static func escapingUnsafeScalars(_ json: String) -> String {
        TerminalEscape.replacingScalars(of: json, where: TerminalEscape.isUnsafe) { scalar in
            // Every unsafe scalar is in the Basic Multilingual Plane: four hex digits hold it.
            let hex = String(scalar.value, radix: 16)
            return #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
