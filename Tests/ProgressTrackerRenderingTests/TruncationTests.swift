import ProgressTrackerRendering
import Testing

@Suite struct TruncationTests {
    @Test(arguments: [
        ("abcdef", 6, "abcdef"), ("abcdef", 5, "abcd…"), ("abcdef", 1, "…"), ("abcdef", 0, ""), ("abc", -3, ""),
        ("数据导入", 8, "数据导入"), ("数据导入", 7, "数据导…"), ("数据导入", 6, "数据…"), ("数据导入", 2, "…"),
        ("👨‍👩‍👧👨‍👩‍👧", 3, "👨‍👩‍👧…"), ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
    ])
    func cutsToColumnsWithAnEllipsis(text: String, width: Int, cut: String) {
        #expect(Truncation.cut(text, toWidth: width) == cut)
    }

    @Test func aCutIsNeverWiderAndAlwaysVisible() {
        for text in RandomText.samples(1_000, seed: 3).map(TerminalEscape.escaped) {
            for width in 0...30 {
                let cut = Truncation.cut(text, toWidth: width)
                #expect(DisplayWidth.of(cut) <= max(width, 0))
                if width == 0 {
                    #expect(cut == "")
                } else if DisplayWidth.of(text) <= width {
                    #expect(cut == text)
                } else {
                    #expect(cut.last == Truncation.ellipsis)
                    let kept = cut.dropLast()
                    #expect(text.hasPrefix(kept))
                    // As much as fits: the next character would not have.
                    let next = text[text.index(text.startIndex, offsetBy: kept.count)]
                    #expect(DisplayWidth.of(String(kept)) + DisplayWidth.of(next) > width - 1)
                }
            }
        }
    }

    @Test func aHugeValueIsCutToTheWidth() {
        let key = String(repeating: "k", count: 100_000)
        #expect(Truncation.cut(key, toWidth: 80) == String(repeating: "k", count: 79) + "…")
    }
}
