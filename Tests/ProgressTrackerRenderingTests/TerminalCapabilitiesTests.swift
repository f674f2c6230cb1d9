import ProgressTrackerRendering
import Testing

@Suite struct TerminalCapabilitiesTests {
    @Test func redrawsOnlyOnATerminalThatIsNotDumb() {
        #expect(TerminalCapabilities(isTerminal: true, environment: ["TERM": "xterm-256color"], size: (80, 24)).redraws)
        #expect(TerminalCapabilities(isTerminal: true, environment: [:], size: (80, 24)).redraws)
        #expect(!TerminalCapabilities(isTerminal: true, environment: ["TERM": "dumb"], size: (80, 24)).redraws)
        #expect(!TerminalCapabilities(isTerminal: false, environment: ["TERM": "xterm"], size: nil).redraws)
    }

    @Test func theWidthIsColumnsElseTheTerminalsElse80() {
        let terminal = (columns: 120, rows: 40)
        #expect(TerminalCapabilities(isTerminal: true, environment: [:], size: terminal).columns == 120)
        #expect(TerminalCapabilities(isTerminal: true, environment: [:], size: terminal).rows == 40)
        #expect(TerminalCapabilities(isTerminal: true, environment: ["COLUMNS": "50"], size: terminal).columns == 50)
        #expect(TerminalCapabilities(isTerminal: false, environment: ["COLUMNS": "50"], size: nil).columns == 50)
        #expect(TerminalCapabilities(isTerminal: false, environment: [:], size: nil).columns == 80)
        #expect(TerminalCapabilities(isTerminal: false, environment: [:], size: nil).rows == nil)
        #expect(TerminalCapabilities(isTerminal: true, environment: [:], size: (0, 0)).columns == 80)  // a size the kernel does not know
        for junk in ["0", "-5", "wide", "", "99999999999999999999"] {
            #expect(TerminalCapabilities(isTerminal: true, environment: ["COLUMNS": junk], size: terminal).columns == 120, "\(junk)")
        }
        #expect(TerminalCapabilities(isTerminal: false, environment: ["COLUMNS": "\(Int.max)"], size: nil).columns == TerminalCapabilities.maximumColumns)
    }
}
