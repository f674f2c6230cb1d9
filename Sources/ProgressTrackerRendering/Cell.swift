/// Fixed-width pieces of a table line, measured in terminal columns (`DisplayWidth`).
///
/// A cell takes raw text, names from the store as they are: it escapes it (`TerminalEscape`),
/// cuts it to the width (`Truncation`) and pads it, so a table cannot forget to do either.
package enum Cell {
    /// The columns `text` takes in a cell when there is room for all of it.
    package static func width(of text: String) -> Int {
        DisplayWidth.of(TerminalEscape.escaped(text))
    }

    /// `text` escaped, left-aligned in exactly `width` columns, cut with "…" if longer.
    package static func left(_ text: String, width: Int) -> String {
        let (fitted, padding) = fit(text, width)
        return fitted + padding
    }

    /// `text` escaped, right-aligned in exactly `width` columns, cut with "…" if longer.
    package static func right(_ text: String, width: Int) -> String {
        let (fitted, padding) = fit(text, width)
        return padding + fitted
    }

    private static func fit(_ text: String, _ width: Int) -> (fitted: String, padding: String) {
        let fitted = Truncation.cut(TerminalEscape.escaped(text), toWidth: width)
        return (fitted, String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted))))
    }
}
