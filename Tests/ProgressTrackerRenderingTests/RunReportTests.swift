import Foundation
import ProgressTracking
@testable import ProgressTrackerRendering
import Testing

/// The report page as a whole: what it shows of a run, and that other people's text in it is text.
@Suite struct RunReportTests {
    @Test func anInterruptedRunShowsItsRunsDowntimeAndMarkers() throws {
        let fixture = try RunFixture.interruptedRun()
        let html = RunReport.html(try fixture.input(set: "import"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(RunReport.generatorMark))
        #expect(html.contains("<title>import · progress report</title>"))
        #expect(html.occurrences(of: "class=\"series series-tracker\"") == 2)
        #expect(html.occurrences(of: "class=\"series series-overall\"") == 1)
        // In each of the three charts, and in the legend.
        #expect(html.occurrences(of: "class=\"marker marker-resumed\"") == 4)
        #expect(html.occurrences(of: "class=\"marker marker-interrupted\"") == 4)
        #expect(html.occurrences(of: "class=\"downtime downtime-omitted\"") == 3)
        #expect(html.contains(">down 1m 40s</text>"))
        #expect(html.occurrences(of: "class=\"point point-resumed\"") == 2)
        #expect(html.occurrences(of: "class=\"bar bar-run\"") == 2)
        #expect(html.occurrences(of: "class=\"bar bar-active\"") == 2)
        #expect(html.occurrences(of: "class=\"mark mark-completed\"") == 2)
        #expect(html.occurrences(of: "class=\"rate rate-tracker\"") == 2)
        #expect(html.occurrences(of: "<tr class=\"tracker\">") == 2)
        #expect(html.contains("interrupted once"))
        // Self-contained: nothing to fetch, nothing to run.
        #expect(!html.contains("<script"))
        #expect(!html.contains("http:") && !html.contains("https:"))
        #expect(!html.contains(" src=") && !html.contains(" href="))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func hostileNamesKeysAndReasonsAreText() throws {
        let hostile = [
            "<script>alert(1)</script>", #"" onload="x"#, "</svg><img src=x onerror=alert(1)>",
            "a\u{202E}b", "line\nbreak", "'single' & \"double\"",
        ]
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: hostile[0])
        for name in hostile {
            let tracker = try set.openTracker(name, total: 3)
            fixture.advance(by: 1)
            try tracker.increment()
            try tracker.fail(item: name, reason: name)
            try tracker.skip(item: name + " skipped", reason: name)
        }
        let html = RunReport.html(try fixture.input(set: hostile[0]))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onload=\""))
        #expect(!html.contains("'single'"))
        // Text only between tags: every < starts one of the page's own elements.
        let tags = Set(html.matches(of: /<\/?([a-zA-Z!][a-zA-Z0-9-]*)/).map { String($0.output.1) })
        #expect(tags.isSubset(of: [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "svg", "defs", "pattern", "rect", "line", "main",
            "header", "h1", "span", "p", "dl", "div", "dt", "dd", "small", "section", "h2", "ul", "li", "strong", "g", "text",
            "path", "circle", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "footer", "code",
        ]), "\(tags)")
        // Visible escapes, as on a terminal: no character reorders or breaks the page's text.
        #expect(html.contains(#"a\u{202E}b"#))
        #expect(html.contains(#"line\nbreak"#))
        #expect(!html.unicodeScalars.contains { $0 != "\n" && TerminalEscape.isUnsafe($0) })
        #expect(html.contains("&#39;single&#39; &amp; &quot;double&quot;"))
        #expect(html.occurrences(of: "<tr class=\"failure\">") == hostile.count)
    }

    @Test func anEmptySetHasTheTableAndNoCharts() throws {
        let fixture = try RunFixture()
        _ = try fixture.run().trackerSet(named: "empty")
        let html = RunReport.html(try fixture.input(set: "empty"))
        #expect(html.contains("Nothing to draw yet: the set has no trackers."))
        #expect(!html.contains("<svg class=\"chart"))
        #expect(html.contains("<tr class=\"overall\">"))
        #expect(html.occurrences(of: "<tr class=\"tracker\">") == 0)
        #expect(!html.contains("class=\"failures\""))
    }

    @Test func aSetNeverStartedShowsFlatLinesAndWaitingBars() throws {
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: "later")
        try set.createTracker("rows", total: 10)
        fixture.advance(by: 5)
        try set.createTracker("pages", total: 0)  // complete from the start: nothing to do
        let html = RunReport.html(try fixture.input(set: "later"))
        #expect(html.occurrences(of: "class=\"series series-tracker\"") == 2)
        #expect(html.occurrences(of: "class=\"series series-overall\"") == 1)
        #expect(html.occurrences(of: "class=\"bar bar-waiting\"") == 2)
        #expect(html.occurrences(of: "class=\"bar bar-active\"") == 0)
        #expect(html.contains("No rate yet"))
        #expect(html.contains("not started"))
        #expect(!html.contains("class=\"marker "))
    }

    @Test func failuresAreCountedAndListedUpToTheLimit() throws {
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: "import")
        let rows = try set.openTracker("rows", total: 500)
        try store(of: set).transaction {
            for item in 0..<(RunReportInput.listedFailures + 20) {
                try rows.fail(item: "row-\(item)", reason: "bad row \(item)")
            }
            try rows.increment(item: "row-0")  // counted after failing
            try rows.skip(item: "row-1", reason: "duplicate")
        }
        let html = RunReport.html(try fixture.input(set: "import"))
        #expect(html.occurrences(of: "<tr class=\"failure\">") == RunReportInput.listedFailures)
        #expect(html.contains("118 items failed and not resolved · 1 skipped"))
        #expect(html.contains(">counted later</td>"))
        #expect(html.contains(">skipped later</td>"))
        #expect(html.contains("Only the first 100 failed items are listed"))
        #expect(html.contains("<th>Failed</th><th>Skipped</th>"))
    }

    private func store(of set: ProgressTrackerSet) -> ProgressStore { set.store }

    /// A history of 100,000 rows: rendered without a bound on the wall clock (printed, to
    /// watch), but with bounds on what it draws: a few hundred points per line, and a page
    /// that stays small.
    @Test func aLongHistoryIsDrawnThinned() throws {
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: "big")
        let names = ["extract", "transform", "validate", "load"]
        for name in names { try set.createTracker(name, total: 250_000) }
        var input = try fixture.input(set: "big")
        let start = fixture.start
        var history = names.map { name in
            HistoryEvent(set: "big", tracker: name, kind: .created, at: Date(timeIntervalSince1970: start), current: 0, total: 250_000)
        }
        // The trackers take turns counting ten items, four turns a second; a later run resumes
        // them all halfway, after 1,000 s of downtime.
        var counts = [0, 0, 0, 0]
        for row in 0..<99_996 {
            let tracker = row % 4
            let resumes = (50_000..<50_004).contains(row)
            if !resumes { counts[tracker] += 10 }
            let kind: HistoryEvent.Kind = row < 4 ? .started : resumes ? .resumed : .progress
            let time = start + 1 + Double(row) / 4 + (row >= 50_000 ? 1_000 : 0)
            history.append(HistoryEvent(
                set: "big", tracker: names[tracker], kind: kind, at: Date(timeIntervalSince1970: time), current: counts[tracker], total: 250_000
            ))
        }
        input.history = history
        #expect(input.history.count == 100_000)

        var html = ""
        let duration = ContinuousClock().measure { html = RunReport.html(input) }
        print("RunReport.html of 100,000 history rows: \(duration), \(html.utf8.count) bytes")

        #expect(html.utf8.count < 250_000)
        #expect(html.occurrences(of: "class=\"marker marker-resumed\"") == 4)
        #expect(html.occurrences(of: "class=\"point point-resumed\"") == 4)
        let paths = html.matches(of: /class="series series-tracker" stroke="[^"]*" d="([^"]*)"/).map { String($0.output.1) }
        #expect(paths.count == 4)
        for path in paths {
            let points = path.filter { $0 == "L" || $0 == "M" }.count
            #expect(points <= 4 * RunReport.columns(forTrackers: 4) + 20, "\(points) points")
        }
    }
}
