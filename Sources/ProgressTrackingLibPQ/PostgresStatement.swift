/// One SQL statement and its parameters, as a `PostgresConnection` runs it: prepared once per
/// session (the SQL text is the key), then executed with the parameters.
package struct PostgresStatement: Sendable, ExpressibleByStringLiteral {
    /// One statement, with parameters written `$1`, `$2`, …; never several statements:
    /// PostgreSQL refuses to prepare those (`syntaxError`). Scripts go to `execute(script:)`.
    package let sql: String
    package let parameters: [PostgresValue]

    package init(_ sql: String, _ parameters: [PostgresValue] = []) {
        self.sql = sql
        self.parameters = parameters
    }

    package init(stringLiteral sql: String) {
        self.init(sql)
    }

    /// The parameters in libpq's text format: one buffer of NUL-terminated texts.
    struct EncodedParameters {
        private var bytes: [UInt8] = []
        /// Where each parameter's text starts in `bytes`; nil for NULL.
        private var offsets: [Int?] = []

        init(_ statement: PostgresStatement) throws(PostgresError) {
            // libpq counts parameters in an int and the protocol in 16 bits.
            guard statement.parameters.count <= 65_535 else {
                throw PostgresError(
                    .invalidArgument, message: "\(statement.parameters.count) parameters, more than PostgreSQL's 65535",
                    sql: statement.sql)
            }
            offsets.reserveCapacity(statement.parameters.count)
            for (index, value) in statement.parameters.enumerated() {
                let start = bytes.count
                let isPresent = try value.appendText(to: &bytes, parameterNumber: index + 1, sql: statement.sql)
                offsets.append(isPresent ? start : nil)
            }
        }

        /// Calls `body` with the parameter count and libpq's `paramValues` array.
        func withValues<T>(_ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                let pointers = offsets.map { offset in offset.flatMap { base?.advanced(by: $0) } }
                return pointers.withUnsafeBufferPointer { body(Int32(pointers.count), $0.baseAddress) }
            }
        }
    }
}
