/// Any JSON value, read back from a document as it was written, so that keys can be added to
/// a document another type encoded (`StatusJSON`).
///
/// Writing a value read this way gives the same text: an integer stays an integer, any other
/// number (-0 too) is the same `Double` (which JSON encoders write in its shortest exact
/// form), and strings are exact.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most specific first: a Bool is not a number to JSONDecoder, and an integer is also a Double.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            // -0 reads as the integer 0, which would lose its sign.
            let negativeZero = value == 0 && (try? container.decode(Double.self))?.sign == .minus
            self = negativeZero ? .number(-0.0) : .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}
