import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct HistoryTableTests {
    private func event(_ tracker: String, _ kind: HistoryEvent.Kind, _ current: Int = 0, _ total: Int = 3) -> HistoryEvent {
        HistoryEvent(set: "import", tracker: tracker, kind: kind, at: Date(timeIntervalSince1970: 1_800_000_000), current: current, total: total)
    }

    @Test func fitsTheWidthCuttingTrackerNamesFirst() {
        let events = [event("a tracker with a very long name indeed", .created), event("数据导入", .totalChanged, .max, .max)]
        let wide = HistoryTable.lines(events, width: 200)
        #expect(wide[1].contains("a tracker with a very long name indeed  created"))
        let narrow = HistoryTable.lines(events, width: 60)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 60 })
        #expect(narrow[1].contains("…"))
    }

    @Test func columnsLineUpAndNamesAreEscaped() {
        let events = [event("rows", .created), event("数据导入", .started, 1), event("e\u{301}\u{1B}[31m", .completed, 3)]
        let lines = HistoryTable.lines(events, width: 80)
        // The event column starts at the same display column on every line.
        let eventColumns = zip(lines.dropFirst(), events).map { line, event in
            DisplayWidth.of(String(line[..<line.range(of: event.kind.rawValue)!.lowerBound]))
        }
        #expect(Set(eventColumns).count == 1, "\(lines)")
        #expect(lines[3].contains(#"e\#u{301}\e[31m"#))
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains(where: TerminalEscape.isUnsafe) })
    }

    @Test(arguments: [1, 30, 50, 80])
    func anyEventsFitAnyWidth(width: Int) {
        let kinds = HistoryEvent.Kind.allCases
        let events = RandomText.samples(100, seed: 31).enumerated().map { index, name in
            event(name + "\(index)", kinds[index % kinds.count], [0, .max, .min][index % 3], [1, .max, .min][index % 3])
        }
        for line in HistoryTable.lines(events, width: width) {
            #expect(DisplayWidth.of(line) <= width)
            #expect(!line.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
        }
    }

    @Test func csvKeepsValuesExact() {
        let lines = HistoryCSV.lines([event("a,\"b\"\n\u{1B}c", .created)])
        #expect(lines == [HistoryCSV.header, "2027-01-15T08:00:00Z,\"a,\"\"b\"\"\n\u{1B}c\",created,0,3,0,0"])
    }

    @Test func theSetsOwnEventsAndFailuresShow() {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let events = [
            HistoryEvent(set: "import", tracker: "rows", kind: .failed, at: at, current: 4, total: 10, failed: 2),
            HistoryEvent(set: "import", tracker: nil, kind: .paused, at: at, current: 4, total: 10, failed: 2, skipped: 1),
            HistoryEvent(set: "import", tracker: nil, kind: .cancelled, at: at, current: 4, total: 10),
        ]
        let lines = HistoryTable.lines(events, width: 80).map { $0.dropFirst(LocalTime.width + 2) }
        #expect(lines == [
            "TRACKER  EVENT         COUNT",
            "rows     failed        4/10, 2 failed",
            "*        paused        4/10, 2 failed, 1 skipped",
            "*        cancelled     4/10",
        ])
        #expect(HistoryCSV.lines(events).dropFirst().map { $0.drop { $0 != "," } } == [
            ",rows,failed,4,10,2,0", ",,paused,4,10,2,1", ",,cancelled,4,10,0,0",
        ])
    }
}
