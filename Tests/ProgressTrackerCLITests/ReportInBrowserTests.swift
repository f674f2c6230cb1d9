import Foundation
import ProgressTrackerRendering
import Testing

/// The report of the demo's run, interrupted once and resumed, as a browser shows it: the
/// page has every element (counted in the HTML and in the DOM Chromium parsed), and Chromium
/// drew it (a screenshot of the expected size, in the trackers' colours, far from blank).
@Suite(.serialized) struct ReportInBrowserTests {
    private let stages = ["extract", "transform", "validate", "load"]
    /// The stages' colours, in creation order (ReportPalette).
    private let stageColours: [PNGImage.Pixel] = [
        .init(red: 0x4E, green: 0x79, blue: 0xA7), .init(red: 0xF2, green: 0x8E, blue: 0x2B),
        .init(red: 0xE1, green: 0x57, blue: 0x59), .init(red: 0x59, green: 0xA1, blue: 0x4F),
    ]

    /// The demo crashed once and resumed, and its report in `demo.html`.
    private func demoReport(_ cli: CLI) throws -> (page: URL, html: String) {
        let crashed = try cli.run("demo", "--db", cli.db, "--items", "2000", "--crash-after", "3000")
        #expect(crashed.reason == .uncaughtSignal)
        #expect(try cli.run("demo", "--db", cli.db, "--items", "2000").status == 0)
        let report = try cli.run("report", "demo", "--output", "demo.html")
        #expect(report.status == 0, "\(report.stderr)")
        let page = cli.directory.appending(path: "demo.html")
        return (page, try String(contentsOf: page, encoding: .utf8))
    }

    /// The elements a person looks for, counted by their stable class names in `html`, the
    /// page as written or as the browser serialized its DOM.
    private func expectElements(in html: String) {
        #expect(html.contains("<title>demo · progress report</title>"))
        #expect(html.contains("Progress report:</span> demo"))
        // The progress chart: one line per stage and the overall, the interruption and the
        // resume marked (in each chart and the legend), the downtime left out.
        #expect(html.occurrences(of: "class=\"series series-tracker\"") == stages.count)
        #expect(html.occurrences(of: "class=\"series series-overall\"") == 1)
        #expect(html.occurrences(of: "class=\"marker marker-resumed\"") == 4)
        #expect(html.occurrences(of: "class=\"marker marker-interrupted\"") == 4)
        #expect(html.occurrences(of: "class=\"point point-resumed\"") == stages.count)
        #expect(html.occurrences(of: "class=\"downtime downtime-omitted\"") + html.occurrences(of: "class=\"downtime downtime-kept\"") == 3)
        // The timeline: two runs, a bar per stage, each completed.
        #expect(html.occurrences(of: "class=\"bar bar-run\"") == 2)
        #expect(html.occurrences(of: "class=\"bar bar-active\"") == stages.count)
        #expect(html.occurrences(of: "class=\"mark mark-completed\"") == stages.count)
        #expect(html.occurrences(of: "class=\"mark mark-resumed\"") == stages.count)
        // The rates, and the table with a row per stage and the overall at 100 %.
        #expect(html.occurrences(of: "class=\"rate rate-tracker\"") == stages.count)
        #expect(html.occurrences(of: "<tr class=\"tracker\">") == stages.count)
        for stage in stages { #expect(html.contains("</span>\(stage)</td><td>2000</td><td>2000</td>")) }
        #expect(html.contains("<tr class=\"overall\"><td class=\"name\">overall</td><td>8000</td><td>8000</td>"))
        #expect(html.contains("interrupted once"))
    }

    @Test func theDemosRunHasEveryElement() throws {
        let cli = try CLI()
        let (_, html) = try demoReport(cli)
        expectElements(in: html)
        #expect(html.utf8.count < 100_000)
    }

    @Test(.enabled(if: Chromium.canRun, Chromium.skipReason))
    func chromiumRendersTheDemosRun() throws {
        let cli = try CLI()
        let (page, _) = try demoReport(cli)

        // The DOM as Chromium parsed it: the same elements, none lost to bad markup.
        expectElements(in: try Chromium.run(["--dump-dom"], page: page, in: cli.directory))

        let screenshot = cli.directory.appending(path: "demo.png")
        _ = try Chromium.run(["--screenshot=\(screenshot.path)", "--window-size=1280,2000"], page: page, in: cli.directory)
        let image = try PNGImage(contentsOf: screenshot)
        #expect(image.width == 1280)
        #expect(image.height == 2000)
        // Not blank: much of it is drawn, in many colours, among them each stage's (its
        // timeline bar alone is thousands of pixels) and the resume marker's green.
        var counts: [PNGImage.Pixel: Int] = [:]
        for pixel in image.pixels { counts[pixel, default: 0] += 1 }
        let background: [PNGImage.Pixel] = [.init(red: 0xF6, green: 0xF8, blue: 0xFA), .init(red: 0xFF, green: 0xFF, blue: 0xFF)]
        let drawn = image.pixels.count - background.map { counts[$0] ?? 0 }.reduce(0, +)
        #expect(drawn > image.pixels.count / 20, "\(drawn) pixels drawn")
        #expect(counts.count > 200)
        for (stage, colour) in zip(stages, stageColours) {
            let near = counts.filter { $0.key.isNear(colour) }.values.reduce(0, +)
            #expect(near > 2_000, "\(stage): \(near) pixels of its colour")
        }
        #expect(counts.filter { $0.key.isNear(.init(red: 0x1A, green: 0x7F, blue: 0x37)) }.values.reduce(0, +) > 100)
    }

    @Test(.enabled(if: Chromium.canRun, Chromium.skipReason))
    func hostileNamesStayTextInTheBrowser() throws {
        let cli = try CLI()
        let set = "<script>document.title='owned'</script>"
        for tracker in [#"" onload="document.title='owned'"#, "</svg><img src=x onerror=alert(1)>", "<b>bold</b>"] {
            try cli.run("create", set, tracker, "--total", "2")
            try cli.run("increment", set, tracker)
        }
        #expect(try cli.run("report", set, "-o", "hostile.html").status == 0)
        let dom = try Chromium.run(["--dump-dom"], page: cli.directory.appending(path: "hostile.html"), in: cli.directory)
        #expect(!dom.contains("<script"))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<b>"))
        #expect(dom.firstMatch(of: /<[^<>]*\son[a-z]+=/) == nil)  // no element has an event handler
        #expect(dom.contains("<title>&lt;script&gt;document.title='owned'&lt;/script&gt; · progress report</title>"))
    }
}

extension PNGImage.Pixel {
    /// Within a few levels of `other` in each channel: anti-aliasing and colour conversion
    /// leave a colour a little off.
    func isNear(_ other: Self) -> Bool {
        abs(Int(red) - Int(other.red)) <= 3 && abs(Int(green) - Int(other.green)) <= 3 && abs(Int(blue) - Int(other.blue)) <= 3
    }
}

extension String {
    /// How many times `needle` occurs, without overlaps.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
