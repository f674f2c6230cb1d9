import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct StatusTableTests {
    static func status(_ trackers: [(String, TrackerStatus)], overall: Double) -> TrackerSetStatus {
        TrackerSetStatus(trackers: Dictionary(trackers, uniquingKeysWith: { $1 }), overall: overall, order: trackers.map(\.0))
    }

    static func tracker(_ current: Int, of total: Int, percent: Double) -> TrackerStatus {
        TrackerStatus(current: current, total: total, percent: percent)
    }

    /// The display column where each line's bar starts.
    private func barColumns(_ lines: [String]) -> [Int] {
        lines.map { line in DisplayWidth.of(String(line.prefix { $0 != "█" && $0 != "░" })) }
    }

    @Test func columnsLineUpForWideAndCombiningNames() {
        let status = Self.status(
            [
                ("rows", Self.tracker(1, of: 2, percent: 50)), ("数据导入", Self.tracker(0, of: 5, percent: 0)),
                ("e\u{301}te\u{301}", Self.tracker(3, of: 3, percent: 100)), ("👨‍👩‍👧 family", Self.tracker(1, of: 4, percent: 25)),
                ("\u{1B}[2Jclear", Self.tracker(0, of: 1, percent: 0)),
            ],
            overall: 40
        )
        let lines = StatusTable.lines(status, width: 80)
        #expect(Set(barColumns(lines)).count == 1, "\(lines)")
        #expect(Set(lines.map(DisplayWidth.of)).count == 1)
        #expect(lines[4].hasPrefix(#"\e[2Jclear"#))
        #expect(lines[5].hasSuffix(" 40.0%"))
    }

    @Test func anyStatusFitsAnyWidthAndShowsNothingATerminalActsOn() {
        var generator = SeededGenerator(seed: 42)
        let counts = [0, 1, 7, Int.max, Int.max - 1, Int.min, -1]
        let percents = PercentTextTests.specialValues
        for _ in 0..<200 {
            let trackers = (0..<Int.random(in: 0...5, using: &generator)).map { index in
                (
                    RandomText.string(using: &generator) + "\(index)",
                    Self.tracker(counts.randomElement(using: &generator)!, of: counts.randomElement(using: &generator)!,
                                 percent: percents.randomElement(using: &generator)!)
                )
            }
            let status = Self.status(trackers, overall: percents.randomElement(using: &generator)!)
            for width in [1, 10, 25, 40, 80, 200] {
                let lines = StatusTable.lines(status, width: width)
                #expect(lines.count == trackers.count + 1)
                for line in lines {
                    #expect(DisplayWidth.of(line) <= width, "\(line.debugDescription) in \(width)")
                    #expect(!line.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
                }
            }
        }
    }

    @Test func aNarrowTerminalLosesTheBarsBeforeTheCountsAndPercentages() {
        let status = Self.status([("a long tracker name", Self.tracker(10, of: 1000, percent: 1))], overall: 1)
        #expect(StatusTable.lines(status, width: 40).allSatisfy { $0.contains("░") })
        let narrow = StatusTable.lines(status, width: 30)
        #expect(narrow == ["a long track…  10/1000    1.0%", "overall" + String(repeating: " ", count: 19) + "1.0%"])
    }

    @Test func aTrackerOneShortOfIntMaxIsNotShownDone() {
        let status = Self.status([("big", Self.tracker(.max - 1, of: .max, percent: 100.nextDown))], overall: 100.nextDown)
        let lines = StatusTable.lines(status, width: 120)
        #expect(lines.allSatisfy { $0.hasSuffix(" 99.9%") && $0.contains("░") })
    }

    @Test func theLogLineQuotesNamesEscapedAndCut() {
        let long = String(repeating: "n", count: 300)
        let status = Self.status([("\u{9B}2J", Self.tracker(1, of: 2, percent: 50)), (long, Self.tracker(0, of: 1, percent: .nan))], overall: 25)
        let line = StatusLine.of(status)
        #expect(line == #"overall 25.0% | \u{9B}2J 1/2 50.0% | "# + String(repeating: "n", count: 79) + "… 0/1 ?")
        #expect(StatusLine.tracker(set: "im\u{1B}port", tracker: "rows", Self.tracker(51, of: 100, percent: 51)) == #"im\eport/rows 51/100 51.0%"#)
    }

    @Test func failedAndSkippedItemsFollowThePercentagesOnlyWhenThereAreAny() {
        let plain = Self.status([("rows", Self.tracker(1, of: 2, percent: 50))], overall: 50)
        #expect(StatusTable.lines(plain, width: 80).allSatisfy { $0.hasSuffix("%") })
        var status = Self.status(
            [
                ("rows", TrackerStatus(current: 4, total: 10, percent: 40, failed: 2, skipped: 1)),
                ("pages", Self.tracker(1, of: 2, percent: 50)), ("files", TrackerStatus(current: 3, total: 3, percent: 100, skipped: 3)),
            ],
            overall: 60
        )
        status.failed = 2
        status.skipped = 4
        let lines = StatusTable.lines(status, width: 80)
        #expect(lines[0].hasSuffix(" 40.0%  2 failed, 1 skipped"))
        #expect(lines[1].hasSuffix(" 50.0%"))
        #expect(lines[2].hasSuffix("100.0%  3 skipped"))
        #expect(lines[3].hasSuffix(" 60.0%  2 failed, 4 skipped"))
        // The notes take their room from the bars: every line still fits, and the bars line up.
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(Set(barColumns(lines)).count == 1)
        #expect(StatusLine.of(status) == "overall 60.0% | rows 4/10 40.0%, 2 failed, 1 skipped | pages 1/2 50.0% | files 3/3 100.0%, 3 skipped")
        #expect(StatusLine.tracker(set: "import", tracker: "rows", status.trackers["rows"]!) == "import/rows 4/10 40.0%, 2 failed, 1 skipped")
    }
}
