/// A bar of `█` and `░` filled in proportion to a percentage.
///
/// The rule: it is total, and full only when done. Any Double and any width give a bar of
/// exactly `max(0, min(width, maximumWidth))` cells: NaN and values at or below 0 are empty,
/// 100 and above are full, and a value below 100 leaves at least one cell empty, however
/// close to 100 it is.
package enum ProgressBar {
    /// Wider bars are drawn this wide: no terminal is wider, and no width can exhaust memory.
    package static let maximumWidth = 1_000

    /// A bar `width` cells wide (clamped), filled in proportion to `percent` of 100.
    package static func of(percent: Double, width: Int) -> String {
        let width = max(0, min(width, maximumWidth))
        let fraction = percent.isNaN ? 0 : min(max(percent / 100, 0), 1)
        var filled = Int((fraction * Double(width)).rounded(.down))
        if percent < 100 { filled = min(filled, width - 1) }
        filled = max(filled, 0)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
