import ProgressTrackerRendering
import Testing

@Suite struct PercentTextTests {
    static let specialValues: [Double] = [
        0, -0.0, -1, -.infinity, .infinity, .nan, -.nan, .signalingNaN, .leastNonzeroMagnitude, 1e-300, 0.05, 0.1,
        57.99999999999999, 58, 99.9, 99.95, 99.99999999999999, 100.nextDown, 100, 100.nextUp, 101, 1e308,
        .greatestFiniteMagnitude, Double(Int.max), Double(Int.min),
    ]

    @Test(arguments: specialValues)
    func anyDoubleGivesAShortText(value: Double) {
        let text = PercentText.of(value)
        #expect(text.count <= PercentText.width)
        #expect((text == "100.0%") == (value >= 100), "\(value) → \(text)")
    }

    @Test(arguments: [
        (0.0, "0.0%"), (-0.0, "0.0%"), (-5, "0.0%"), (.nan, "?"), (12.5, "12.5%"), (12.49, "12.4%"),
        (57.99999999999999, "58.0%"), (99.95, "99.9%"), (100.nextDown, "99.9%"), (100, "100.0%"), (.infinity, "100.0%"),
    ])
    func showsOneDecimalRoundedDown(value: Double, text: String) {
        #expect(PercentText.of(value) == text)
    }

    @Test func onlyExactlyDoneShows100AndTheTextNeverGoesDownAsTheValueGoesUp() {
        var generator = SeededGenerator(seed: 100)
        let values = ((0..<5_000).map { _ in Double.random(in: -1...101, using: &generator) } + [100.nextDown, 100]).sorted()
        var previous = -1.0
        for value in values {
            let text = PercentText.of(value)
            let shown = Double(text.dropLast())!
            #expect(shown >= previous)
            #expect(shown <= max(0, min(value, 100)) + 1e-6)
            if value < 100 { #expect(shown <= 99.9) }
            previous = shown
        }
    }
}
