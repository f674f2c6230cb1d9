import ProgressTrackerRendering
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("rows", 4), ("a b", 3),
        ("数据导入", 8), ("한국어", 6), ("カタカナ", 8), ("ｈｅｌｌｏ", 10), ("\u{3000}", 2),
        ("\u{1112}\u{1161}\u{11AB}", 2),  // 한 from its three jamo: one syllable, two columns
        ("e\u{301}", 1), ("\u{301}", 0), ("a\u{200B}b", 2), ("\u{200D}", 0),
        ("😀", 2), ("👨‍👩‍👧", 2), ("🇯🇵", 2), ("👍🏽", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2),
        ("…", 1), ("█░", 2), ("\u{AD}", 1),
    ])
    func countsColumnsNotCharacters(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns, "\(text.debugDescription)")
    }

    @Test func aStringIsTheSumOfItsCharacters() {
        for text in RandomText.samples(1_000, seed: 11) {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
            #expect(text.allSatisfy { (0...2).contains(DisplayWidth.of($0)) })
        }
    }

    @Test func escapedTextIsAsWideAsItHasCharactersWhenItHasNoWideOnes() {
        for text in RandomText.samples(1_000, seed: 12) where text.unicodeScalars.allSatisfy(\.isASCII) {
            let shown = TerminalEscape.escaped(text)
            #expect(DisplayWidth.of(shown) == shown.count)
        }
    }
}
