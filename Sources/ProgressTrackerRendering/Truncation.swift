/// Cuts text to a number of columns, the same way everywhere: table cells, lines of the live
/// display, values quoted in messages, error messages.
///
/// The rule: text that fits is left as it is; longer text keeps as many whole characters as
/// fit in one column less than the room, and ends with "…", so a cut is always visible and the
/// result is never wider than the room. A wide character that would straddle the edge is left
/// out whole. It works on text as shown (already escaped, see `TerminalEscape`): a cut may end
/// inside an escape such as `\u{202E}`, which the "…" marks as cut.
package enum Truncation {
    package static let ellipsis: Character = "…"

    /// `text` cut to at most `width` columns (`DisplayWidth`); "" when `width` is 0 or less.
    /// - Complexity: O(k), where k is the number of characters kept; `text` is not read past
    ///   the point where it no longer fits.
    package static func cut(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var fitting = text.startIndex  // the end of the longest prefix that leaves room for "…"
        var index = text.startIndex
        while index < text.endIndex {
            used += DisplayWidth.of(text[index])
            if used > width { return text[..<fitting] + String(ellipsis) }
            text.formIndex(after: &index)
            if used <= width - 1 { fitting = index }
        }
        return text
    }
}
