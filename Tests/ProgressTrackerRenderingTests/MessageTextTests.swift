import ProgressTrackerRendering
import Testing

@Suite struct MessageTextTests {
    @Test func aValueIsEscapedAndCut() {
        let key = String(repeating: "k", count: 100_000)
        #expect(MessageText.quoted(key) == "\"" + String(repeating: "k", count: 79) + "…\"")
        #expect(MessageText.quoted("\u{1B}]0;owned\u{7}") == #""\e]0;owned\u{7}""#)
        for value in RandomText.samples(500, seed: 21, maxPieces: 60) {
            let shown = MessageText.value(value)
            #expect(DisplayWidth.of(shown) <= MessageText.maximumValueWidth)
            #expect(!shown.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
        }
    }
}
