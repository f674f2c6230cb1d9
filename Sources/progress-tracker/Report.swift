internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a set's run as one self-contained HTML page: progress over time, a timeline, rates and the final table.",
            discussion: """
                The page has everything inline (SVG charts, a stylesheet, no script) and fetches \
                nothing, so it opens offline and can be mailed or archived; it prints well too. \
                Downtime between runs is left out of the time axis and marked, and each \
                interruption and resume is drawn. The store is opened read-only.

                Without --output the page goes to standard output. With it, the file is written \
                whole or not at all, and an existing file is replaced only if it is a report made \
                by this command: anything else is refused and left as it was.

                Examples:
                  progress-tracker report demo --output demo.html
                  progress-tracker report import > import.html
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file.html")
        )
        var output: String?

        func validate() throws {
            if output?.isEmpty == true {
                throw ValidationError("--output must name a file")
            }
        }

        func run() throws {
            let access = StoreAccess(storeFile)
            let store = try access.openForReading()
            let html = RunReport.html(try RunReportInput.read(access.existingSet(set, in: store)))
            if let output {
                try ReportFile(path: output).write(html)
            } else {
                StandardOutput.write(html)
            }
        }
    }
}
