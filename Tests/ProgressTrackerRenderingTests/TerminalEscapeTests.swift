import ProgressTrackerRendering
import Testing

@Suite struct TerminalEscapeTests {
    @Test(arguments: [
        ("\u{1B}[2Jclear", #"\e[2Jclear"#),
        ("a\tb\nc\rd", #"a\tb\nc\rd"#),
        ("\u{0}\u{7}\u{7F}", #"\u{0}\u{7}\u{7F}"#),
        ("\u{9B}31m\u{9D}0;x\u{9C}", #"\u{9B}31m\u{9D}0;x\u{9C}"#),
        ("abc\u{202E}fed", #"abc\u{202E}fed"#),
        ("\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}", #"\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}"#),
        ("one\u{2028}two", #"one\u{2028}two"#),
        (#"C:\temp\e"#, #"C:\\temp\\e"#),
        ("数据 e\u{301} 👨‍👩‍👧", "数据 e\u{301} 👨‍👩‍👧"),
    ])
    func escapesVisibly(raw: String, shown: String) {
        #expect(TerminalEscape.escaped(raw) == shown)
    }

    @Test func nothingATerminalActsOnIsLeft() {
        for raw in RandomText.samples(2_000) {
            let shown = TerminalEscape.escaped(raw)
            #expect(!shown.unicodeScalars.contains(where: TerminalEscape.isUnsafe), "\(raw.debugDescription)")
        }
    }

    @Test func everyUnsafeScalarIsCaught() {
        // The whole of C0, DEL and C1, and the twelve bidirectional controls.
        let unsafe = Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E)
            + Array(0x2066...0x2069) + [0x2028, 0x2029]
        for value in unsafe {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(TerminalEscape.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(!TerminalEscape.isUnsafe("a"))
        #expect(!TerminalEscape.isUnsafe("\u{200D}"))  // the zero-width joiner holds emoji sequences together
    }

    @Test func escapingIsUnambiguousTheOriginalReadsBack() {
        for raw in RandomText.samples(2_000, seed: 7) {
            #expect(Self.unescaped(TerminalEscape.escaped(raw)).map(\.value) == raw.unicodeScalars.map(\.value), "\(raw.debugDescription)")
        }
    }

    /// Reads escaped text back: what a reader of the output could do, so two different names
    /// never show the same.
    private static func unescaped(_ shown: String) -> [Unicode.Scalar] {
        var scalars = Array(shown.unicodeScalars)[...]
        var result: [Unicode.Scalar] = []
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            switch scalars.popFirst() {
            case "\\": result.append("\\")
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "e": result.append("\u{1B}")
            case "u":
                scalars.removeFirst()  // "{"
                let hex = String(String.UnicodeScalarView(scalars.prefix { $0 != "}" }))
                scalars.removeFirst(hex.unicodeScalars.count + 1)
                result.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            default: Issue.record("a backslash that starts no escape in \(shown.debugDescription)")
            }
        }
        return result
    }
}
