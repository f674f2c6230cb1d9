import ProgressTrackerRendering
import Testing

@Suite struct ShellWordTests {
    @Test(arguments: [
        ("progress.sqlite", "progress.sqlite"),
        ("/tmp/a-b_c/x.sqlite", "/tmp/a-b_c/x.sqlite"),
        ("my store.sqlite", "'my store.sqlite'"),
        ("it's", #"'it'\''s'"#),
        ("", "''"),
        ("$HOME/x", "'$HOME/x'"),
        ("数据.sqlite", "'数据.sqlite'"),
        ("a;rm -rf b", "'a;rm -rf b'"),
    ])
    func quotesWhatTheShellWouldReadDifferently(word: String, typed: String) {
        #expect(ShellWord.quoted(word) == typed)
    }
}
