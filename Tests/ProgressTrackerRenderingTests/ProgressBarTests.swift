import ProgressTrackerRendering
import Testing

@Suite struct ProgressBarTests {
    private func filled(_ bar: String) -> Int { bar.count { $0 == "█" } }

    @Test(arguments: PercentTextTests.specialValues)
    func anyDoubleGivesABarOfTheWidth(percent: Double) {
        for width in [0, 1, 5, 40] {
            let bar = ProgressBar.of(percent: percent, width: width)
            #expect(bar.count == width)
            #expect((filled(bar) == width && width > 0) == (percent >= 100 && width > 0), "\(percent) in \(width)")
        }
    }

    @Test func anyWidthIsClamped() {
        #expect(ProgressBar.of(percent: 50, width: -3) == "")
        #expect(ProgressBar.of(percent: 50, width: .min) == "")
        #expect(ProgressBar.of(percent: 50, width: .max).count == ProgressBar.maximumWidth)
    }

    @Test func fillsInProportionAndFullOnlyAt100() {
        #expect(ProgressBar.of(percent: 50, width: 10) == "█████░░░░░")
        #expect(ProgressBar.of(percent: 100.nextDown, width: 40) == String(repeating: "█", count: 39) + "░")
        #expect(ProgressBar.of(percent: 100, width: 4) == "████")
        var generator = SeededGenerator(seed: 9)
        let values = (0..<2_000).map { _ in Double.random(in: -10...110, using: &generator) }.sorted()
        let fills = values.map { filled(ProgressBar.of(percent: $0, width: 33)) }
        #expect(fills == fills.sorted())
    }
}
