internal import ArgumentParser
internal import Foundation
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a resumable multi-stage import into the tracker set \"demo\", with live bars.",
            discussion: """
                Generated records go through extract, transform, validate and load; each stage \
                counts every record it finishes by the record's key. Stop it any way you like \
                (Ctrl-C, kill, --crash-after) and run the same command again: it resumes where \
                it stopped, no record is counted twice, and the final counts equal the totals. \
                Watch it from another terminal with `progress-tracker watch demo`.

                Examples:
                  progress-tracker demo
                  progress-tracker demo --items 5000 --crash-after 8000
                  progress-tracker demo --items 5000     # resumes after the crash
                """
        )

        @OptionGroup var storeFile: StoreFile

        static let itemsRange = OptionRange(option: "--items", range: 1...1_000_000, unit: "records")

        @Option(parsing: .unconditional, help: ArgumentHelp("How many records to import: \(Self.itemsRange).", valueName: "n"))
        var items = 20_000

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Crash on purpose, without any cleanup, after this many counts in total across the stages: 1 to 4 × --items.",
                valueName: "k"
            )
        )
        var crashAfter: Int?

        func validate() throws {
            try Self.itemsRange.check(items)
            if let crashAfter {
                // Each record is counted once per stage: a larger number could never be reached.
                try OptionRange(option: "--crash-after", range: 1...DemoImport.stages.count * items, unit: "counts").check(crashAfter)
            }
        }

        func run() throws {
            let access = StoreAccess(storeFile)
            let store = try access.openForWriting(creatingFile: true)
            var demo = try DemoImport(store: store, recordCount: items)
            print(startMessage(demo, path: access.path))
            var progress = DemoProgress(trackerSet: demo.trackerSet)
            var countsThisRun = 0
            let started = ContinuousClock.now
            Interruption.catchControlC()
            while !demo.isFinished {
                guard !Interruption.isRequested else {
                    try progress.finish()  // the table, up to date with the counts the message gives
                    FileHandle.standardError.write(Data("interrupted at \(demo.countsDescription); run the same command again to resume\n".utf8))
                    throw ExitCode(Interruption.exitCode)
                }
                try demo.step {
                    countsThisRun += 1
                    if countsThisRun == crashAfter {
                        // As a crash would: no cleanup, no rollback, no message; the open transaction is lost.
                        kill(getpid(), SIGKILL)
                    }
                }
                try progress.update()
            }
            try progress.finish()
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            print("done: \(countsThisRun) counted by this run in \(String(format: "%.1f", seconds)) s")
        }

        private func startMessage(_ demo: DemoImport, path: String) -> String {
            let place = "set \"\(DemoImport.setName)\" of \(MessageText.value(path))"
            return switch demo.start {
            case .fresh: "starting fresh: \(demo.recordCount) records, \(place)"
            case .replacing: "starting fresh: \(demo.recordCount) records, \(place) (the earlier demo was finished or for another --items)"
            case .resuming: "resuming \(place) from \(demo.countsDescription)"
            }
        }
    }
}
