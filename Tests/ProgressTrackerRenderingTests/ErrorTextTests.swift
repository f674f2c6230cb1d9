import ProgressTrackerRendering
import Testing

@Suite struct ErrorTextTests {
    @Test func theMessageIsEscapedWholeAndTheUsageKeepsItsLines() {
        let message = "The value '\u{1B}[31m\nx' is invalid for '--since <date>'"
        let usage = "Usage: progress-tracker history <set>\n  See 'progress-tracker history --help' for more information."
        let report = ErrorText.report(message: message, fullReport: "Error: \(message)\n\(usage)")
        #expect(report == "Error: The value '\\e[31m\\nx' is invalid for '--since <date>'\n\(usage)\n")
    }

    @Test func aLibraryMessageIsOneLine() {
        let message = "tracker \"a\u{202E}b\" already exists in set \"\u{9B}2J\""
        #expect(ErrorText.report(message: message, fullReport: "Error: " + message)
            == "Error: tracker \"a\\u{202E}b\" already exists in set \"\\u{9B}2J\"\n")
    }

    @Test func aLongMessageIsCutAndAnExitStatusAlonePrintsNothing() {
        let message = "not a date: " + String(repeating: "x", count: 100_000)
        let report = ErrorText.report(message: message, fullReport: "Error: " + message + "\nUsage: x")
        #expect(report.hasSuffix("x…\nUsage: x\n"))
        #expect(report.count < ErrorText.maximumMessageWidth + 20)
        #expect(ErrorText.report(message: "", fullReport: "") == "")
    }
}
