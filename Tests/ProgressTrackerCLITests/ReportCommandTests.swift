import Foundation
import ProgressTrackerRendering
import Testing

/// `report`: the page on stdout or in a file, written whole, never over a file that is not a
/// report, from a store it does not change.
struct ReportCommandTests {
    private func makeSet(_ cli: CLI) throws {
        try cli.run("create", "import", "rows", "--total", "10")
        try cli.run("increment", "import", "rows", "--by", "4")
    }

    private func expectError(_ output: CLI.Output, _ message: String) {
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(output.stderr == "Error: \(message)\n")
    }

    /// The directory's files other than the store's.
    private func otherFiles(_ cli: CLI) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .filter { !$0.hasPrefix("test.sqlite") && !$0.hasPrefix("stdout-") && !$0.hasPrefix("stderr-") }
            .sorted()
    }

    @Test func withoutOutputThePageGoesToStandardOutput() throws {
        let cli = try CLI()
        try makeSet(cli)
        let output = try cli.run("report", "import")
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(output.stdout.contains(RunReport.generatorMark))
        #expect(output.stdout.contains("<title>import · progress report</title>"))
        #expect(output.stdout.hasSuffix("</html>\n"))
        #expect(try otherFiles(cli).isEmpty)
    }

    /// The page names the zone its local times are in, as the C library read `$TZ`.
    @Test func thePageNamesTheLocalTimeZone() throws {
        let cli = try CLI()
        try makeSet(cli)
        for (tz, name) in [("Asia/Tokyo", "Asia/Tokyo"), (":Europe/Paris", "Europe/Paris"), ("XYZ-3", "XYZ"), ("", "UTC")] {
            let page = try cli.run("report", "import", environment: ["TZ": tz]).stdout
            #expect(page.contains("Times are local (\(name))."), "TZ=\(tz)")
        }
    }

    @Test func theFileIsWrittenAndAnEarlierReportReplaced() throws {
        let cli = try CLI()
        try makeSet(cli)
        #expect(try cli.run("report", "import", "--output", "import.html").status == 0)
        let path = cli.directory.appending(path: "import.html")
        let first = try String(contentsOf: path, encoding: .utf8)
        #expect(first.contains("<tr class=\"tracker\">"))
        #expect(first.contains(">4</td><td>10</td>"))

        try cli.run("increment", "import", "rows", "--by", "6")
        let again = try cli.run("report", "import", "-o", "import.html")
        #expect(again.status == 0)
        #expect(again.stdout == "" && again.stderr == "")
        #expect(try String(contentsOf: path, encoding: .utf8).contains(">10</td><td>10</td>"))
        #expect(try otherFiles(cli) == ["import.html"])  // no temporary file left behind
    }

    @Test func aFileItDidNotMakeIsRefusedAndLeftAsItWas() throws {
        let cli = try CLI()
        try makeSet(cli)
        let path = cli.directory.appending(path: "index.html")
        let page = Data("<!DOCTYPE html><title>someone's page</title>\n".utf8)
        try page.write(to: path)
        expectError(
            try cli.run("report", "import", "--output", path.path),
            "\(path.path) exists and is not a report made by progress-tracker: remove it or give another --output"
        )
        #expect(FileManager.default.contents(atPath: path.path) == page)
        #expect(try otherFiles(cli) == ["index.html"])
    }

    @Test func aDirectoryOrAFolderThatIsNotThereIsRefused() throws {
        let cli = try CLI()
        try makeSet(cli)
        expectError(try cli.run("report", "import", "--output", cli.directory.path), "--output \(cli.directory.path) is a directory: give the report's file name")
        let missing = cli.directory.appending(path: "no/such/folder/r.html").path
        expectError(try cli.run("report", "import", "--output", missing), "cannot write the report to \(missing): No such file or directory")
        #expect(try otherFiles(cli).isEmpty)
    }

    @Test func errorsAreOneEscapedLineAndWriteNothing() throws {
        let cli = try CLI()
        try makeSet(cli)
        expectError(try cli.run("report", "no\u{1B}[31mpe", "-o", "r.html"), "no tracker set named \"no\\e[31mpe\" in \(cli.db)")
        #expect(try otherFiles(cli).isEmpty)
        let elsewhere = cli.directory.appending(path: "missing.sqlite").path
        expectError(
            try cli.run(["report", "import"], environment: ["PROGRESS_TRACKER_DB": elsewhere]),
            "no progress store at \(elsewhere) (give the file with --db or $PROGRESS_TRACKER_DB)"
        )
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
        let empty = try cli.run("report", "import", "--output", "")
        #expect(empty.status != 0)
        #expect(empty.stderr.hasPrefix("Error: --output must name a file\n"))
    }

    @Test func theStoreIsOnlyRead() throws {
        let cli = try CLI()
        try makeSet(cli)
        let before = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        let bytes = FileManager.default.contents(atPath: cli.db)
        #expect(try cli.run("report", "import").status == 0)
        #expect(FileManager.default.contents(atPath: cli.db) == bytes)
        let after = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .filter { !$0.hasPrefix("stdout-") && !$0.hasPrefix("stderr-") }.sorted()
        #expect(after == before.filter { !$0.hasPrefix("stdout-") && !$0.hasPrefix("stderr-") })
    }

    @Test func helpGivesAnExample() throws {
        let help = try CLI().run("report", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("progress-tracker report demo --output demo.html"))
        #expect(try CLI().run("--help").stdout.contains("report"))
    }
}
