/// Makes text from other people (set and tracker names, item keys, paths, messages that
/// quote them) safe to print on a terminal.
///
/// The rule: no character that a terminal acts on instead of showing reaches it as itself from
/// human-readable output. Escaped, visibly and one by one (Unicode scalars, so a control
/// character hidden inside a grapheme cluster is caught too):
/// - C0 controls U+0000–U+001F (ESC, BEL, CR, LF, TAB, …), DEL U+007F and the C1 controls
///   U+0080–U+009F, among them the one-character CSI (U+009B) and OSC (U+009D): Unicode's
///   general category Cc;
/// - the bidirectional formatting characters, which reorder what follows them: the marks
///   U+200E, U+200F and U+061C, the embeddings and overrides U+202A–U+202E and the isolates
///   U+2066–U+2069 (the Bidi_Control property);
/// - the line and paragraph separators U+2028 and U+2029, which some terminals break lines at.
///
/// The escaped forms are those of a shell's `$'…'` and of Swift literals: `\t`, `\n`, `\r`,
/// `\e` for ESC, and `\u{HEX}` for every other one (`\u{0}`, `\u{7F}`, `\u{9B}`, `\u{202E}`).
/// A backslash itself becomes `\\`, so the escaped text is unambiguous: every backslash in it
/// starts an escape, and the original can be read back exactly.
///
/// Machine output (`--json`, `--csv`) does not use this: it keeps values exact by its own rules.
package enum TerminalEscape {
    /// `text` with every character the rule names escaped, and backslashes doubled.
    /// - Complexity: O(n) in the length of `text`.
    package static func escaped(_ text: String) -> String {
        replacingScalars(of: text, where: needsEscaping, with: escape)
    }

    /// `text` with each scalar that `matches` replaced by its `replacement`.
    /// - Complexity: O(n); text with nothing to replace is returned as it is, without a copy.
    static func replacingScalars(
        of text: String, where matches: (Unicode.Scalar) -> Bool, with replacement: (Unicode.Scalar) -> String
    ) -> String {
        guard text.unicodeScalars.contains(where: matches) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if matches(scalar) {
                result.append(contentsOf: replacement(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is shown by its escape rather than as itself.
    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" || isUnsafe(scalar)
    }

    /// Whether a terminal would act on `scalar` rather than show it: the characters the rule names.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: scalar.properties.isBidiControl
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\\": #"\\"#
        case "\t": #"\t"#
        case "\n": #"\n"#
        case "\r": #"\r"#
        case "\u{1B}": #"\e"#
        default: #"\u{"# + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
