import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct JSONTextTests {
    @Test func namesStayExactAndNothingATerminalActsOnIsRaw() throws {
        let names = RandomText.samples(200, seed: 55).enumerated().map { "\($1)\($0)" }
        let status = StatusTableTests.status(names.map { ($0, StatusTableTests.tracker(1, of: 2, percent: 50)) }, overall: 50)
        let json = try JSONText.of(status)
        #expect(!json.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
        let decoded = try JSONDecoder().decode(TrackerSetStatus.self, from: Data(json.utf8))
        #expect(decoded.order.map { Array($0.unicodeScalars) } == names.map { Array($0.unicodeScalars) })
        #expect(try JSONText.of(["k": "\u{202E}\u{9B}\u{7F}"]) == #"{"k":"\u202e\u009b\u007f"}"#)
    }

    @Test func aNumberJSONCannotHoldIsWrittenAsAString() throws {
        #expect(try JSONText.of(["overall": Double.nan, "rate": .infinity]) == #"{"overall":"NaN","rate":"Infinity"}"#)
    }
}
