#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writing to standard output and standard error as it happens.
package enum StandardOutput {
    /// Prints `text` and flushes it: a pipe's reader (a log, a test) sees each line as it
    /// happens, in order with what `print` wrote before.
    package static func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }

    /// Writes `text` to standard error, after flushing what standard output holds (`fflush(nil)`
    /// flushes every stream; naming `stdout`, a C global, is not concurrency-safe).
    package static func writeError(_ text: String) {
        fflush(nil)
        // Nowhere is left to report a failure to.
        try? DescriptorOutput.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }
}
