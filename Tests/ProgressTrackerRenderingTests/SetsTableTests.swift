import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct SetsTableTests {
    /// A summary as the library would return it (it has no public initializer: decoded, as
    /// a client reading `--json` would).
    static func summary(
        _ name: String, overall: Double, elapsed: Double = 0, started: Bool = false, state: ControlState = .running
    ) throws -> TrackerSetSummary {
        func number(_ value: Double) -> Any {
            if value.isNaN { return "nan" }
            if value.isInfinite { return value > 0 ? "inf" : "-inf" }
            return value
        }
        let fields: [String: Any] = [
            "name": name, "trackerCount": 2, "overall": number(overall), "createdAt": 0,
            "updatedAt": 10, "elapsed": number(elapsed), "items": 3, "state": state.rawValue,
        ].merging(started ? ["startedAt": 1] : [:]) { $1 }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(TrackerSetSummary.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    @Test func namesOfAnyWidthLineUp() throws {
        let summaries = try ["import", "数据导入", "e\u{301}te\u{301}", "🇯🇵 nightly", "\u{202E}evil"].map { try Self.summary($0, overall: 40) }
        let lines = SetsTable.lines(summaries, width: 120)
        // The overall column starts at the same display column on every line.
        let overallColumns = lines.dropFirst().map { line in DisplayWidth.of(String(line[..<line.range(of: "40.0%")!.lowerBound])) }
        #expect(Set(overallColumns).count == 1, "\(lines)")
        #expect(lines[5].hasPrefix(#"\u{202E}evil"#))
    }

    @Test(arguments: [1, 20, 39, 60, 80, 200])
    func anySetFitsTheWidth(width: Int) throws {
        let summaries = try RandomText.samples(50, seed: 77).enumerated().map { index, name in
            try Self.summary(name + "\(index)", overall: PercentTextTests.specialValues[index % PercentTextTests.specialValues.count],
                             elapsed: [0, .nan, .infinity, -1, 130][index % 5], started: index % 2 == 0)
        }
        for line in SetsTable.lines(summaries, width: width) {
            #expect(DisplayWidth.of(line) <= width)
            #expect(!line.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
        }
    }

    @Test func aStateColumnAppearsOnlyWhenASetIsNotRunning() throws {
        let running = try SetsTable.lines([Self.summary("import", overall: 40), Self.summary("nightly", overall: 10)], width: 120)
        #expect(running[0] == "SET       TRACKERS  OVERALL  DURATION  STARTED              FINISHED")
        let lines = try SetsTable.lines(
            [Self.summary("import", overall: 40, state: .paused), Self.summary("nightly", overall: 10),
             Self.summary("demo", overall: 70, state: .cancelled)],
            width: 120
        )
        #expect(lines[0] == "SET       TRACKERS  OVERALL  STATE      DURATION  STARTED              FINISHED")
        #expect(lines[1].hasPrefix("import           2    40.0%  paused            -"))
        #expect(lines[2].hasPrefix("nightly          2    10.0%  running           -"))
        #expect(lines[3].hasPrefix("demo             2    70.0%  cancelled         -"))
        for width in [1, 30, 50, 70] {
            #expect(try SetsTable.lines([Self.summary("a long set name indeed", overall: 1, state: .cancelled)], width: width)
                .allSatisfy { DisplayWidth.of($0) <= width })
        }
    }
}
