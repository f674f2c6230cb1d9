internal import ArgumentParser
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Run a resumable multi-stage import into the tracker set \"demo\", with live bars.",
            discussion: """
                Generated records go through extract, transform, validate and load; each stage \
                counts every record it finishes by the record's key, and keeps its place in a \
                resume cursor committed with its counts. Load fails every record whose number is \
                a multiple of \(DemoImport.failureDivisor) on its first attempt ("\(DemoImport.failureReason)"); \
                a retry pass at its end counts them, so a finished run ends at exactly 100%.

                Stop it any way you like (Ctrl-C, kill, --crash-after) and run the same command \
                again: it resumes from its cursors, retries what failed, and counts no record \
                twice. From another terminal, `progress-tracker watch demo` follows it, `pause \
                demo` makes it wait, `resume demo` lets it go on, and `cancel demo` stops it \
                after its current step.

                Its store is --db, else ./progress.sqlite in the current directory: it ignores \
                $\(StoreFile.environmentVariable), which names your own store. In that file it \
                changes only a set named "demo" that it made (every tracker's cursor starts with \
                "\(DemoCursor.mark)"), and replaces it when that run was finished or for another \
                --items. It refuses any other set named "demo", and then changes nothing.

                Exit status: 0 finished; 1 an error, or a "demo" set it did not make; 64 a usage \
                error; \(Self.cancelledExitCode) cancelled (the set stays cancelled: `progress-tracker \
                resume demo`, then run it again); \(Interruption.exitCode) Ctrl-C.

                Examples:
                  progress-tracker demo
                  progress-tracker demo --items 5000 --crash-after 8000
                  progress-tracker demo --items 5000     # resumes after the crash
                """
        )

        /// The exit status of a run stopped by `cancel`: sysexits.h's EX_TEMPFAIL, "the user is
        /// invited to retry the operation later", which is what resuming the set does.
        static let cancelledExitCode: Int32 = 75

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
            // Not $PROGRESS_TRACKER_DB: that names the user's own store, which a demo has no business filling.
            let access = StoreAccess(storeFile, environment: [:])
            let commands = DemoCommands(path: access.path)
            var demo = try DemoImport(store: try access.openForWriting(creatingFile: true), recordCount: items)
            ([DemoText.start(demo, path: access.path), DemoText.failureRule(recordCount: items)] + DemoText.controls(commands))
                .forEach { print($0) }
            var progress = DemoProgress(trackerSet: demo.trackerSet)
            var countsThisRun = 0
            let started = ContinuousClock.now
            Interruption.catchControlC()
            while !demo.isFinished {
                try obeyRequests(demo, &progress, commands)
                let wasRetrying = demo.isRetrying
                try demo.step {
                    countsThisRun += 1
                    if countsThisRun == crashAfter {
                        // As a crash would: no cleanup, no rollback, no message; the open transaction is lost.
                        kill(getpid(), SIGKILL)
                    }
                }
                if demo.isRetrying, !wasRetrying {
                    try progress.tell(DemoText.retryPassBegins(demo), phase: DemoText.phase(demo))
                } else {
                    try progress.update(phase: DemoText.phase(demo))
                }
            }
            try progress.finish()
            let failures = try demo.failureCounts()
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            print(DemoText.failureSummary(failed: failures.failed, retried: failures.retried))
            print("done: \(countsThisRun) counted by this run in \(DecimalText.of(seconds, decimals: 1)) s")
        }

        /// Between steps, does what was asked since the last one: waits while the set is
        /// paused; stops, with the table up to date and how to go on, on Ctrl-C or a cancel.
        private func obeyRequests(_ demo: DemoImport, _ progress: inout DemoProgress, _ commands: DemoCommands) throws {
            var state = try demo.trackerSet.controlState
            if state == .paused {
                try progress.tell(DemoText.paused(demo, commands), phase: DemoText.pausedPhase(commands))
                while state == .paused, !Interruption.isRequested {
                    // A person resumes it: five checks a second are prompt enough and cost nothing
                    // (Ctrl-C ends the sleep at once).
                    Interruption.sleep(for: .milliseconds(200))
                    state = try demo.trackerSet.controlState
                }
                if state == .running { try progress.tell(DemoText.resumed(demo), phase: DemoText.phase(demo)) }
            }
            if Interruption.isRequested {
                try progress.finish()
                StandardOutput.writeError(DemoText.interrupted(demo) + "\n")
                throw ExitCode(Interruption.exitCode)
            }
            if state == .cancelled {
                try progress.finish()
                DemoText.cancelled(demo, commands).forEach { print($0) }
                throw ExitCode(Self.cancelledExitCode)
            }
        }
    }
}
