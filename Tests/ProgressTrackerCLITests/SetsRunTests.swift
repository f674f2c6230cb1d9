import Testing

/// `sets`: each set's run, from its start to its finish.
struct SetsRunTests {
    @Test func aFinishedSetShowsItsStartFinishAndDuration() throws {
        let cli = try CLI()
        try cli.run("create", "done", "rows", "--total", "2")
        try cli.run("increment", "done", "rows")
        try cli.run("increment", "done", "rows")
        let output = try cli.run("sets")
        let row = try #require(try #/^done {5,}1 {3,}100\.0% +(?<duration>\S+)  (?<started>.{19})  (?<finished>.{19})$/#.wholeMatch(in: output.lines[1]))
        #expect(row.output.duration.wholeMatch(of: #/\d+ms|\d\.\ds|\d+s|\d+m \d+s/#) != nil)
        #expect(row.output.started <= row.output.finished)
    }
}
