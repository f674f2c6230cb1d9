import Foundation
import ProgressTrackerRendering
import Testing

@Suite struct DecimalTextTests {
    /// The same text as Foundation's `String(format:)`, which it replaces: halves are rounded as
    /// the binary value lies (0.125 is exact and goes to even, 1.005 is just below), and the
    /// widest Double is written whole.
    @Test(arguments: [0, 0.125, 0.375, 1.005, 2.675, 0.004999, 57.5, 99.995, -0.004, 1234.5678, 1e20, 1.7976931348623157e308])
    func writesWhatStringFormatWrote(value: Double) {
        for decimals in 0...3 {
            #expect(DecimalText.of(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
        }
    }

    @Test func halvesAndTheLargestValue() {
        #expect(DecimalText.of(0.125, decimals: 2) == "0.12")
        #expect(DecimalText.of(0.375, decimals: 2) == "0.38")
        #expect(DecimalText.of(1.005, decimals: 2) == "1.00")
        #expect(DecimalText.of(2.5, decimals: 1) == "2.5")
        #expect(DecimalText.of(.greatestFiniteMagnitude, decimals: 1).count == 311)
    }
}
