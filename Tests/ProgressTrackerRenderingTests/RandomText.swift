/// Reproducible random inputs for the property tests: a seeded generator, and text drawn
/// from the characters that break terminals and tables.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: small, fast, and the same sequence on every platform for a seed.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomText {
    /// Plain letters, the escape character itself, C0, DEL, C1 (with the one-character CSI
    /// and OSC), bidirectional controls, line separators, wide CJK and Hangul, fullwidth forms,
    /// emoji (a ZWJ family, a flag, one with U+FE0F), combining marks, zero-width characters.
    static let pieces: [String] = [
        "a", "Z", "7", " ", "-", "\"", "%", "\\", "…",
        "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\u{1B}", "\u{1B}[2J", "\u{1B}]0;title\u{7}", "\u{1F}", "\u{7F}",
        "\u{80}", "\u{85}", "\u{9B}", "\u{9B}31m", "\u{9D}", "\u{9F}",
        "\u{200E}", "\u{200F}", "\u{61C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{2028}", "\u{2029}",
        "数", "据", "한", "\u{1112}\u{1161}\u{11AB}", "ｈ", "カ",
        "😀", "👨‍👩‍👧", "🇯🇵", "❤️", "👍🏽", "e\u{301}", "\u{301}", "\u{200D}", "\u{200B}",
    ]

    static func string(using generator: inout SeededGenerator, maxPieces: Int = 12) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// `count` random strings, the same ones on every run for a seed.
    static func samples(_ count: Int, seed: UInt64 = 2026, maxPieces: Int = 12) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in string(using: &generator, maxPieces: maxPieces) }
    }
}
