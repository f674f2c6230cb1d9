#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A number with a fixed count of decimals, `0.52`, exactly as C's `printf("%.2f")` writes
/// it (as `String(format:)` did, which needs all of Foundation at every start).
package enum DecimalText {
    /// `value` rounded to `decimals` places, written with exactly that many.
    package static func of(_ value: Double, decimals: Int) -> String {
        let format = "%.\(max(decimals, 0))f"
        // A Double's widest text is 309 digits before the point: measured first, not guessed.
        let length = withVaList([value]) { vsnprintf(nil, 0, format, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
