import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct FailuresTableTests {
    private static let failedAt = Date(timeIntervalSince1970: 1_800_000_000)

    static func failure(
        _ tracker: String, _ key: String, _ reason: String, attempts: Int = 1, resolution: ItemFailure.Resolution? = nil
    ) -> ItemFailure {
        ItemFailure(
            tracker: tracker, key: key, reason: reason, attempts: attempts, firstFailedAt: failedAt, lastFailedAt: failedAt + 60,
            resolvedAt: resolution.map { _ in failedAt + 120 }, resolution: resolution
        )
    }

    @Test func aLinePerFailureUnderItsHeader() {
        let lines = FailuresTable.lines(
            [Self.failure("rows", "row-1", "simulated timeout", attempts: 3), Self.failure("pages", "p-7", "HTTP 503")],
            showsResolution: false, width: 100
        )
        let time = LocalTime.of(Self.failedAt + 60)
        #expect(lines == [
            "TRACKER  ITEM   ATTEMPTS  LAST FAILED          REASON",
            "rows     row-1         3  \(time)  simulated timeout",
            "pages    p-7           1  \(time)  HTTP 503",
        ])
    }

    @Test func resolvedFailuresSayHow() {
        let lines = FailuresTable.lines(
            [Self.failure("rows", "a", "timeout", resolution: .counted), Self.failure("rows", "b", "bad row", resolution: .skipped),
             Self.failure("rows", "c", "timeout")],
            showsResolution: true, width: 100
        )
        #expect(lines[0] == "TRACKER  ITEM  ATTEMPTS  LAST FAILED          RESOLVED  REASON")
        #expect(lines[1].hasSuffix("  counted   timeout"))
        #expect(lines[2].hasSuffix("  skipped   bad row"))
        #expect(lines[3].hasSuffix("  -         timeout"))
    }

    @Test func namesKeysAndReasonsAreEscapedAndColumnsLineUp() {
        let failures = [
            Self.failure("数据导入", "e\u{301}\u{1B}[31m", "bad \u{1B}]0;title\u{7} \u{202E}reason"),
            Self.failure("rows", "👨‍👩‍👧", "tab\there"), Self.failure("\u{9B}2J", "k", "r"),
        ]
        let lines = FailuresTable.lines(failures, showsResolution: false, width: 120)
        #expect(lines[1].contains(#"e\#u{301}\e[31m"#))
        #expect(lines[1].hasSuffix(#"bad \e]0;title\u{7} \u{202E}reason"#))
        #expect(lines[2].hasSuffix(#"tab\there"#))
        #expect(lines[3].hasPrefix(#"\u{9B}2J"#))
        // The attempts column ends at the same display column on every line.
        let attemptsEnds = lines.dropFirst().map { line in DisplayWidth.of(String(line[..<line.range(of: " 1  ")!.upperBound])) }
        #expect(Set(attemptsEnds).count == 1, "\(lines)")
    }

    @Test func aLongReasonCutsOnlyItself() {
        let reason = String(repeating: "stack frame ", count: 40)
        let lines = FailuresTable.lines([Self.failure("rows", "row-1", reason)], showsResolution: false, width: 80)
        #expect(lines[1].hasPrefix("rows     row-1         1  "))
        #expect(lines[1].hasSuffix("…"))
        #expect(DisplayWidth.of(lines[1]) == 80)
    }

    @Test(arguments: [1, 20, 40, 60, 80, 200])
    func anyFailuresFitAnyWidth(width: Int) {
        let texts = RandomText.samples(90, seed: 13)
        let failures = stride(from: 0, to: texts.count, by: 3).map { index in
            Self.failure(texts[index] + "t", texts[index + 1] + "k", texts[index + 2] + "r", attempts: [1, 7, .max][index % 3],
                         resolution: [nil, .counted, .skipped][index % 3])
        }
        for showsResolution in [false, true] {
            for line in FailuresTable.lines(failures, showsResolution: showsResolution, width: width) {
                #expect(DisplayWidth.of(line) <= width)
                #expect(!line.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
            }
        }
    }

    @Test func csvKeepsValuesExact() {
        let lines = FailuresCSV.lines([
            Self.failure("a,\"b\"", "k\n\u{1B}1", "timeout, then \"reset\"", attempts: 2),
            Self.failure("rows", "k2", "bad", resolution: .skipped),
        ])
        #expect(lines == [
            "tracker,key,attempts,firstFailedAt,lastFailedAt,reason,resolution,resolvedAt",
            "\"a,\"\"b\"\"\",\"k\n\u{1B}1\",2,2027-01-15T08:00:00Z,2027-01-15T08:01:00Z,\"timeout, then \"\"reset\"\"\",,",
            "rows,k2,1,2027-01-15T08:00:00Z,2027-01-15T08:01:00Z,bad,skipped,2027-01-15T08:02:00Z",
        ])
    }
}
