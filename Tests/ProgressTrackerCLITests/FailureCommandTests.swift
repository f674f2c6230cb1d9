import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

/// `fail`, `skip` and `failures`: items settled without being processed, and the listing of
/// what failed, for people (escaped) and for programs (exact).
struct FailureCommandTests {
    private func makeImport(_ cli: CLI) throws {
        try cli.run("create", "import", "rows", "--total", "10")
        try cli.run("create", "import", "pages", "--total", "4")
        try cli.run("increment", "import", "rows", "--item", "row-1")
    }

    @Test func failRecordsAttemptsAndCountsNothing() throws {
        let cli = try CLI()
        try makeImport(cli)
        let first = try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "simulated timeout")
        #expect(first.status == 0)
        #expect(first.stdout == "import/rows 1/10 10.0%, 1 failed (item \"row-2\" failed, attempt 1)\n")
        let again = try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "timeout, again")
        #expect(again.stdout == "import/rows 1/10 10.0%, 1 failed (item \"row-2\" failed, attempt 2)\n")
        let status = try cli.status(of: "import")
        #expect(status.trackers["rows"]?.current == 1)
        #expect(status.trackers["rows"]?.failed == 1)
        #expect(status.failed == 1)
    }

    @Test func failRefusesACountedItemAndChangesNothing() throws {
        let cli = try CLI()
        try makeImport(cli)
        let before = try cli.run("status", "import", "--json").stdout
        let refused = try cli.run("fail", "import", "rows", "--item", "row-1", "--reason", "late")
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "Error: item \"row-1\" of tracker \"rows\" is counted, so it cannot fail\n")
        #expect(try cli.run("failures", "import", "--all", "--csv").lines == [FailuresCSV.header])
        #expect(try CLI.decodeStatus(cli.run("status", "import", "--json").stdout) == CLI.decodeStatus(before))
    }

    @Test func skipCountsOnceAndResolvesAFailure() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("fail", "import", "pages", "--item", "p-1", "--reason", "HTTP 503")
        let skipped = try cli.run("skip", "import", "pages", "--item", "p-1", "--reason", "gone upstream")
        #expect(skipped.status == 0)
        #expect(skipped.stdout == "import/pages 1/4 25.0%, 1 skipped\n")
        let again = try cli.run("skip", "import", "pages", "--item", "p-1", "--reason", "gone upstream")
        #expect(again.stdout == "import/pages 1/4 25.0%, 1 skipped (item \"p-1\" was already counted, so it was not skipped)\n")
        let counted = try cli.run("skip", "import", "rows", "--item", "row-1", "--reason", "dup")
        #expect(counted.stdout == "import/rows 1/10 10.0% (item \"row-1\" was already counted, so it was not skipped)\n")
        let resolved = try cli.run("failures", "import", "--resolved", "--csv").lines
        #expect(resolved.count == 2)
        #expect(resolved[1].hasPrefix("pages,p-1,1,"))
        #expect(resolved[1].contains(",HTTP 503,skipped,"))
    }

    @Test func badReasonsAndMissingOptionsAreRefused() throws {
        let cli = try CLI()
        try makeImport(cli)
        let empty = try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "")
        #expect(empty.status == 1)
        #expect(empty.stderr == "Error: reason must not be empty\n")
        let long = try cli.run("skip", "import", "rows", "--item", "row-2", "--reason", String(repeating: "r", count: 5_000))
        #expect(long.status == 1)
        #expect(long.stderr.hasPrefix("Error: reason is 5000 UTF-8 bytes long, more than the limit of 4096: \"rrrr"))
        let noReason = try cli.run("fail", "import", "rows", "--item", "row-2")
        #expect(noReason.status == 64)
        #expect(noReason.stderr.hasPrefix("Error: Missing expected argument '--reason <text>'\n"))
        let unknown = try cli.run("fail", "import", "nope", "--item", "a", "--reason", "r")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no tracker named \"nope\" in set \"import\"\n")
        #expect(try cli.status(of: "import").failed == 0)
    }

    @Test func failuresListsOldestFirstAsATableJSONOrCSV() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "simulated timeout")
        try cli.run("fail", "import", "pages", "--item", "p-1", "--reason", "HTTP 503, \"retry later\"")
        try cli.run("fail", "import", "rows", "--item", "row-3", "--reason", "bad row")
        try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "timeout again")

        let table = try cli.run("failures", "import")
        #expect(table.status == 0)
        #expect(table.lines.map { $0.replacing(#/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/#, with: "<time>") } == [
            "TRACKER  ITEM   ATTEMPTS  LAST FAILED          REASON",
            "rows     row-2         2  <time>  timeout again",
            "pages    p-1           1  <time>  HTTP 503, \"retry later\"",
            "rows     row-3         1  <time>  bad row",
        ])
        #expect(try cli.run("failures", "import", "rows", "--limit", "1").lines.count == 2)
        #expect(try cli.run("failures", "import", "pages").lines.dropFirst().map { $0.prefix(5) } == ["pages"])

        let csv = try cli.run("failures", "import", "--csv").lines
        #expect(csv.first == "tracker,key,attempts,firstFailedAt,lastFailedAt,reason,resolution,resolvedAt")
        #expect(csv.dropFirst().map { $0.split(separator: ",", maxSplits: 3).prefix(3).joined(separator: ",") } == ["rows,row-2,2", "pages,p-1,1", "rows,row-3,1"])
        #expect(csv[2].hasSuffix(",\"HTTP 503, \"\"retry later\"\"\",,"))

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let json = try decoder.decode([ItemFailure].self, from: Data(cli.run("failures", "import", "--json").stdout.utf8))
        #expect(json.map(\.key) == ["row-2", "p-1", "row-3"])
        #expect(json.map(\.reason) == ["timeout again", "HTTP 503, \"retry later\"", "bad row"])
        #expect(json.allSatisfy { $0.resolution == nil && $0.resolvedAt == nil })
    }

    @Test func resolvedAndAllListWhatWasFixed() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "timeout")
        try cli.run("fail", "import", "rows", "--item", "row-3", "--reason", "timeout")
        try cli.run("increment", "import", "rows", "--item", "row-2")
        let resolved = try cli.run("failures", "import", "--resolved").lines
        #expect(resolved.count == 2)
        #expect(resolved[0].contains("  RESOLVED  REASON"))
        #expect(resolved[1].hasPrefix("rows     row-2"))
        #expect(resolved[1].hasSuffix("  counted   timeout"))
        let all = try cli.run("failures", "import", "--all").lines
        #expect(all.count == 3)
        #expect(all[2].hasSuffix("  -         timeout"))
        #expect(try cli.run("failures", "import").lines.dropFirst().map { $0.prefix(14) } == ["rows     row-3"])
    }

    @Test func failuresRefusesBadArguments() throws {
        let cli = try CLI()
        try makeImport(cli)
        for (arguments, message) in [
            (["failures", "import", "--limit", "0"], "--limit must be 1 or more failures: 0"),
            (["failures", "import", "--limit", "-3"], "--limit must be 1 or more failures: -3"),
        ] {
            let output = try cli.run(arguments)
            #expect(output.status == 64)
            #expect(output.stderr.hasPrefix("Error: \(message)\n"), "\(output.stderr)")
        }
        #expect(try cli.run("failures", "import", "--resolved", "--all").status == 64)
        #expect(try cli.run("failures", "import", "--json", "--csv").status == 64)
        let unknownSet = try cli.run("failures", "nope")
        #expect(unknownSet.status == 1)
        #expect(unknownSet.stderr == "Error: no tracker set named \"nope\" in \(cli.db)\n")
        let unknownTracker = try cli.run("failures", "import", "nope")
        #expect(unknownTracker.status == 1)
        #expect(unknownTracker.stderr == "Error: no tracker named \"nope\" in set \"import\"\n")
        let help = try cli.run("failures", "import", "--help").stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(help.contains("At most this many, the oldest: 1 or more failures (default: all)."))
    }

    @Test func failuresLeavesTheFileUnchanged() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("fail", "import", "rows", "--item", "row-2", "--reason", "timeout")
        let before = try Data(contentsOf: URL(filePath: cli.db))
        try cli.run("failures", "import", "--all")
        try cli.run("failures", "import", "rows", "--json")
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
    }
}
