/// A tracker's count at a moment, which its rate is measured from.
package struct RateSample: Sendable, Equatable {
    package var at: Double
    package var current: Int

    package init(at: Double, current: Int) {
        self.at = at
        self.current = current
    }
}
