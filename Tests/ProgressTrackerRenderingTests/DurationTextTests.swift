import ProgressTrackerRendering
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [
        (0.85, "850ms"), (130, "2m 10s"), (0, "0ms"), (-0.0, "0ms"), (-5, "0ms"), (-.infinity, "0ms"),
        (.nan, "?"), (.infinity, "99999h 59m 59s"), (.greatestFiniteMagnitude, "99999h 59m 59s"),
    ])
    func anyDoubleGivesAText(seconds: Double, text: String) {
        #expect(DurationText.of(seconds) == text)
    }
}
