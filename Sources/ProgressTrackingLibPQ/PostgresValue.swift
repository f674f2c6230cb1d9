/// A statement parameter.
///
/// Parameters travel in PostgreSQL's text format with no declared type: the server infers
/// each `$n`'s type from the SQL, as it would for a quoted literal. Where it cannot (a bare
/// `SELECT $1`), it takes `text`; write `$1::bigint` to say otherwise.
package enum PostgresValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// Decimal digits.
    case int64(Int64)
    /// The shortest digits that read back as the same value; `Infinity`, `-Infinity`, `NaN`.
    case double(Double)
    /// UTF-8 text without NUL characters.
    case text(String)
    /// `t` or `f`.
    case bool(Bool)
}

extension PostgresValue {
    /// Appends the value's text form and its NUL terminator to `bytes`.
    /// - Returns: false for NULL, which has no text and is sent as a null pointer.
    /// - Throws: for text containing a NUL character, which a C string cannot carry: libpq
    ///   would cut the value short there without a word.
    func appendText(to bytes: inout [UInt8], parameterNumber: Int, sql: String) throws(PostgresError) -> Bool {
        switch self {
        case .null:
            return false
        case .int64(let value):
            bytes.append(contentsOf: String(value).utf8)
        case .double(let value):
            // Swift prints the shortest text that reads back as the same Double, which
            // PostgreSQL's float8in reads back exactly too; only the non-finite spellings differ.
            let text = switch value {
            case .infinity: "Infinity"
            case -.infinity: "-Infinity"
            case _ where value.isNaN: "NaN"
            default: String(value)
            }
            bytes.append(contentsOf: text.utf8)
        case .text(let value):
            guard !value.utf8.contains(0) else {
                throw PostgresError(
                    .invalidArgument,
                    message: "parameter $\(parameterNumber) contains a NUL character, which PostgreSQL text cannot hold",
                    sql: sql)
            }
            bytes.append(contentsOf: value.utf8)
        case .bool(let value):
            bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        }
        bytes.append(0)
        return true
    }
}
