import ProgressTrackerRendering
import Testing

@Suite struct HTMLTextTests {
    @Test func theFiveMarkupCharactersBecomeReferences() {
        #expect(HTMLText.escaped(#"<a href="x" title='y'>&amp;</a>"#)
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.escaped("plain text, 数据 é") == "plain text, 数据 é")
    }

    @Test func hostileNamesAreText() {
        #expect(HTMLText.value("<script>alert(1)</script>", width: 80) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLText.value(#"" onload="x"#, width: 80) == "&quot; onload=&quot;x")
        #expect(HTMLText.value("</svg><img src=x onerror=alert(1)>", width: 80) == "&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func controlAndBidiCharactersShowAsEscapes() {
        // As on a terminal: a U+202E would reverse the page's text after it, a line break would
        // vanish into a space, an ESC would show as nothing at all.
        #expect(HTMLText.value("a\u{202E}b\nc\u{1B}[31md\\", width: 80) == #"a\u{202E}b\nc\e[31md\\"#)
    }

    @Test func longValuesAreCutBeforeEscapingSoNoReferenceIsCut() {
        let cut = HTMLText.value(String(repeating: "&", count: 100), width: 10)
        #expect(cut == String(repeating: "&amp;", count: 9) + "…")
        #expect(HTMLText.value("数据数据数据", width: 5) == "数据…")
    }
}
