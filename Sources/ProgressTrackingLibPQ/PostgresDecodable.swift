/// A Swift type that a column's value in PostgreSQL's text format reads into.
///
/// Results use the text format rather than the binary one: one parser serves every integer
/// width (`int2`, `int4`, `int8`, an integral `numeric` such as `SUM(bigint)`), `xid8` and
/// `numeric` need no binary decoders of their own, and a column whose type changes in a
/// migration keeps reading. The parsing costs tens of nanoseconds against a round trip of
/// tens of microseconds.
package protocol PostgresDecodable {
    /// Reads `text`, which is nil for SQL NULL; nil when `text` is not a value of this type.
    init?(postgresText text: UnsafeBufferPointer<UInt8>?)
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// NULL reads as nil; anything else must be a `Wrapped`.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let text else {
            self = .none
            return
        }
        guard let value = Wrapped(postgresText: text) else { return nil }
        self = .some(value)
    }
}

extension Int64: PostgresDecodable {
    /// Decimal digits with an optional sign, within Int64's range; parsed in place, because
    /// counts are what this library reads most.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let text, let first = text.first else { return nil }
        let isNegative = first == UInt8(ascii: "-")
        let digits = isNegative || first == UInt8(ascii: "+") ? text.dropFirst() : text[...]
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for character in digits {
            let digit = character &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowedShifting) = value.multipliedReportingOverflow(by: 10)
            // Accumulating toward the sign reaches Int64.min, which has no positive twin.
            let (next, overflowedAdding) =
                isNegative ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflowedShifting, !overflowedAdding else { return nil }
            value = next
        }
        self = value
    }
}

extension Int: PostgresDecodable {
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let value = Int64(postgresText: text) else { return nil }
        self.init(exactly: value)
    }
}

extension Double: PostgresDecodable {
    /// `float4`, `float8` and `numeric` text, including `Infinity`, `-Infinity` and `NaN`.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let text else { return nil }
        self.init(String(decoding: text, as: UTF8.self))
    }
}

extension String: PostgresDecodable {
    /// Any value's text form.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let text else { return nil }
        self.init(decoding: text, as: UTF8.self)
    }
}

extension Bool: PostgresDecodable {
    /// `boolean` text: `t` or `f`.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        switch text.flatMap({ $0.count == 1 ? $0[0] : nil }) {
        case UInt8(ascii: "t"): self = true
        case UInt8(ascii: "f"): self = false
        default: return nil
        }
    }
}
