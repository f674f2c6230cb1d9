#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Bytes written whole to a file descriptor: `write(2)` may take fewer bytes than it is
/// given, or be interrupted by a signal before it takes any.
package enum DescriptorOutput {
    /// A write the system refused, with its reason (`strerror`).
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Writes every byte of `bytes` to `descriptor`, in as many writes as it takes.
    /// - Throws: `Failure` when a write fails (a full disk, a closed pipe).
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: String(cString: strerror(errno)))
            }
            offset += count
        }
    }
}
