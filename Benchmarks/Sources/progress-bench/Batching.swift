/// 0..<count cut into consecutive ranges of `size` (the last one may be shorter).
func groups(_ count: Int, of size: Int) -> some Sequence<Range<Int>> {
    stride(from: 0, to: count, by: size).lazy.map { $0..<min($0 + size, count) }
}

/// A failed check or setup step of the benchmark.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
