import ProgressTrackerRendering
import Testing

@Suite struct ColumnShareTests {
    @Test func whatFitsIsGivenWhole() {
        #expect(ColumnShare.widths(needed: [4, 10, 6], room: 40, minimum: 8) == [4, 10, 6])
    }

    @Test func aLongColumnTakesWhatTheShortOnesLeave() {
        #expect(ColumnShare.widths(needed: [4, 200, 6], room: 40, minimum: 8) == [4, 30, 6])
    }

    @Test func longColumnsShareEqually() {
        #expect(ColumnShare.widths(needed: [100, 5, 300], room: 45, minimum: 8) == [20, 5, 20])
    }

    @Test func noColumnGoesBelowTheMinimumUnlessItNeedsLess() {
        #expect(ColumnShare.widths(needed: [100, 3, 300], room: 10, minimum: 8) == [8, 3, 8])
        #expect(ColumnShare.widths(needed: [100, 300], room: -5, minimum: 8) == [8, 8])
    }

    @Test func theRoomIsNeverExceededWhileEveryColumnGetsItsMinimum() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let needed = (0..<Int.random(in: 1...5, using: &generator)).map { _ in Int.random(in: 0...300, using: &generator) }
            let room = Int.random(in: 0...400, using: &generator)
            let widths = ColumnShare.widths(needed: needed, room: room, minimum: 8)
            #expect(zip(widths, needed).allSatisfy { $0 <= $1 && $0 >= min($1, 8) })
            if needed.map({ min($0, 8) }).reduce(0, +) <= room {
                #expect(widths.reduce(0, +) <= room, "\(needed) in \(room): \(widths)")
            }
        }
    }
}
