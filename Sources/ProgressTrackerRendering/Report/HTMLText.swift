/// Text from other people (set and tracker names, item keys, reasons, paths) in an HTML page.
///
/// The rule: a value is first made visible and cut as every human output shows it
/// (`TerminalEscape`: control characters, bidi overrides and line separators escaped; then
/// `Truncation` to a number of columns), then HTML-escaped, so that it is text wherever it
/// lands: in an element, in a quoted attribute, in SVG text or in the page's title. A tracker
/// named `<script>alert(1)</script>` or `" onload="x` shows as those characters and is never
/// markup.
///
/// HTML escaping alone would let a U+202E reorder the page's text, and terminal escaping alone
/// would let `<` open an element: the page needs both, in that order (escaping first would
/// let the cut fall inside an entity such as `&amp;`).
package enum HTMLText {
    /// `value` made visible, cut to `width` columns and HTML-escaped.
    /// - Complexity: O(n) in the length of `value`, and not more than `width` of it when cut.
    package static func value(_ value: String, width: Int) -> String {
        escaped(Truncation.cut(TerminalEscape.escaped(value), toWidth: width))
    }

    /// `text` with the five characters that HTML gives a meaning (`&`, `<`, `>`, `"` and `'`)
    /// written as character references; safe in content and in single- or double-quoted
    /// attributes. Text that needs nothing is returned as it is.
    /// - Complexity: O(n).
    package static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: needsReference) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    private static func needsReference(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
