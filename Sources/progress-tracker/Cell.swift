import Foundation

/// Fixed-width pieces of a table line. Widths count characters, which is what a terminal
/// shows for the names and numbers we print.
enum Cell {
    /// `text` left-aligned in exactly `width` characters, cut with an ellipsis if longer.
    static func left(_ text: String, width: Int) -> String {
        let fitted = cut(text, to: width)
        return fitted + String(repeating: " ", count: width - fitted.count)
    }

    /// `text` right-aligned in exactly `width` characters, cut with an ellipsis if longer.
    static func right(_ text: String, width: Int) -> String {
        let fitted = cut(text, to: width)
        return String(repeating: " ", count: width - fitted.count) + fitted
    }

    private static func cut(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 0 else { return "" }
        return text.prefix(width - 1) + "…"
    }

    /// The widest `percent` text, "100.0%".
    static let percentWidth = 6

    /// A percentage with one decimal, rounded down so that only a finished task shows 100.0%.
    static func percent(_ value: Double) -> String {
        // The epsilon keeps 58.0 computed as 57.99999… from showing as 57.9.
        let tenths = (value * 10 + 1e-6).rounded(.down) / 10
        return String(format: "%.1f%%", min(max(tenths, 0), 100))
    }

    /// A bar `width` characters wide, filled in proportion to `percent` (0...100).
    static func bar(percent: Double, width: Int) -> String {
        let filled = min(max(Int((percent / 100 * Double(width)).rounded(.down)), 0), width)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
