import ProgressTrackerRendering
import Testing

@Suite struct CellTests {
    @Test func aCellIsExactlyItsWidthInColumns() {
        for text in RandomText.samples(500, seed: 5) {
            for width in [-2, 0, 1, 2, 3, 8, 20, 60] {
                let left = Cell.left(text, width: width)
                let right = Cell.right(text, width: width)
                #expect(DisplayWidth.of(left) == max(0, width), "\(text.debugDescription) in \(width)")
                #expect(DisplayWidth.of(right) == max(0, width), "\(text.debugDescription) in \(width)")
                #expect(!left.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
                #expect(!right.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
            }
        }
    }

    @Test func escapesThenPadsOrCuts() {
        #expect(Cell.left("\u{1B}[2J", width: 8) == #"\e[2J   "#)
        #expect(Cell.right("数据", width: 6) == "  数据")
        #expect(Cell.left("数据导入", width: 6) == "数据… ")  // a wide character never straddles the edge
        #expect(Cell.width(of: "a\u{202E}b") == 10)
    }
}
