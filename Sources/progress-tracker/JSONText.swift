import Foundation

/// The JSON the commands print: keys sorted, dates as ISO 8601 text, which people and jq
/// read (Foundation's default is seconds since 2001).
enum JSONText {
    static func of(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
