/// How many terminal columns text takes: what tables measure, pad and cut by.
///
/// The rule, for each grapheme cluster (a Swift `Character`, one thing a reader sees):
/// - 2 when one of its scalars is East Asian Wide or Fullwidth (CJK ideographs, kana, Hangul
///   syllables, fullwidth forms), or has the Emoji_Presentation property (😀, regional
///   indicators, so a flag), or when it asks for emoji presentation with U+FE0F (❤️); so an
///   emoji ZWJ sequence (👨‍👩‍👧) or a skin-tone modifier sequence counts 2, not its scalars' sum;
/// - 0 when every scalar is a combining mark (Mn, Me), a format character (Cf: zero-width
///   joiner and space, soft hyphen aside), a Hangul medial vowel or final consonant, or a
///   control character;
/// - 1 otherwise: "e\u{301}" (e + combining acute) is 1, as is "…".
///
/// Why a table of our own and not glibc's `wcwidth`: `wcwidth` depends on the process's
/// locale (in the C locale, which scripts and CI often run in, it returns -1 for every
/// non-ASCII character), on the glibc version's Unicode tables, and it measures code points,
/// so it counts a ZWJ family as three emoji. Swift's own Unicode data gives the general
/// category and Emoji_Presentation; only East Asian Width is missing from it, and its wide
/// ranges outside emoji fit in the short table below (from the Unicode Character Database's
/// EastAsianWidth.txt, whole blocks where the standard says unassigned code points there are
/// wide too). Terminals differ for ambiguous-width characters (U+2026 "…" among them, 2
/// columns in some CJK set-ups); they count 1 here, as most terminals draw them.
package enum DisplayWidth {
    /// The columns `text` takes: the sum over its characters.
    /// - Complexity: O(n) in the length of `text`.
    package static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one character takes: 0, 1 or 2.
    package static func of(_ character: Character) -> Int {
        if character.isASCII { return character.asciiValue! < 0x20 || character == "\u{7F}" ? 0 : 1 }
        let scalars = character.unicodeScalars
        if scalars.contains(where: isWide) { return 2 }
        if scalars.contains("\u{FE0F}"), scalars.first?.properties.isEmoji == true { return 2 }
        return scalars.allSatisfy(isZeroWidth) ? 0 : 1
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmojiPresentation || eastAsianWide.contains { $0.contains(scalar.value) }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control: return true
        case .format: return scalar != "\u{AD}"  // the soft hyphen shows as a hyphen
        default: return hangulJamoWithoutWidth.contains { $0.contains(scalar.value) }
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) code points that are not emoji (those are
    /// Emoji_Presentation and found by that property).
    private static let eastAsianWide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        0x3041...0x3247,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
        0x3250...0x4DBF,  // enclosed CJK, CJK compatibility, CJK Unified Ideographs Extension A
        0x4E00...0xA4CF,  // CJK Unified Ideographs, Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK Compatibility Ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth ASCII forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x1B2FF,  // ideographic symbols, Tangut, Khitan, kana supplements, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK ideographs, plane 2
        0x30000...0x3FFFD,  // CJK ideographs, plane 3
    ]

    /// Hangul medial vowels and final consonants, which join the initial consonant's two columns.
    private static let hangulJamoWithoutWidth: [ClosedRange<UInt32>] = [0x1160...0x11FF, 0xD7B0...0xD7FF]
}
