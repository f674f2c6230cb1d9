internal import ProgressTrackerRendering

/// What the demo says, apart from its table: how it starts, what fails and why, how to watch,
/// pause and stop it, and how a run ended.
enum DemoText {
    static func start(_ demo: DemoImport, path: String) -> String {
        let place = "set \"\(DemoImport.setName)\" of \(MessageText.value(path))"
        return switch demo.start {
        case .fresh: "starting fresh: \(demo.recordCount) records, \(place)"
        case .replacing: "starting fresh: \(demo.recordCount) records, \(place) (the demo's earlier run was finished or for another --items)"
        case .resuming: "resuming \(place) from its cursors: \(demo.positionsDescription)" + toRetry(demo)
        }
    }

    /// Which records fail, where and why, and what becomes of them.
    static func failureRule(recordCount: Int) -> String {
        "\(failingStage) fails every \(DemoImport.failureDivisor)th record once (\"\(DemoImport.failureReason)\", "
            + "\(DemoImport.failingRecords(of: recordCount)) of \(recordCount)) and retries them at the end"
    }

    /// How to watch, pause and stop the run from elsewhere.
    static func controls(_ commands: DemoCommands) -> [String] {
        [
            "watch it from another terminal: \(commands.line("watch"))",
            "pause it there: \(commands.line("pause")) (then resume, or cancel to stop it, the same way)",
        ]
    }

    /// The line under the table while the run goes on.
    static func phase(_ demo: DemoImport) -> String {
        demo.isRetrying
            ? "\(failingStage)'s retry pass: \(failedRecords(demo.failedToRetry)) left to retry"
            : "\(failingStage): \(records(demo.failedToRetry)) failed so far, retried at the end"
    }

    /// The line under the table while the set is paused.
    static func pausedPhase(_ commands: DemoCommands) -> String {
        "paused: waiting for \(commands.line("resume")) (Ctrl-C stops the demo)"
    }

    /// Written into a pipe when the run pauses, resumes or begins its retry pass.
    static func paused(_ demo: DemoImport, _ commands: DemoCommands) -> String {
        "paused at \(demo.positionsDescription): waiting for \(commands.line("resume"))"
    }

    static func resumed(_ demo: DemoImport) -> String {
        "resumed at \(demo.positionsDescription)"
    }

    static func retryPassBegins(_ demo: DemoImport) -> String {
        "retry pass: \(failingStage) retries its \(failedRecords(demo.failedToRetry))"
    }

    /// How a cancelled run ended, and how to go on.
    static func cancelled(_ demo: DemoImport, _ commands: DemoCommands) -> [String] {
        [
            "cancelled at \(demo.positionsDescription)\(toRetry(demo)); the set stays cancelled",
            "to go on: \(commands.line("resume")), then run the same command again",
        ]
    }

    static func interrupted(_ demo: DemoImport) -> String {
        "interrupted at \(demo.positionsDescription)\(toRetry(demo)); run the same command again to resume"
    }

    /// The failures of the whole import, at its end.
    static func failureSummary(failed: Int, retried: Int) -> String {
        "failures: \(records(failed)) failed their first attempt in \(failingStage), \(retried) retried and counted"
    }

    private static let failingStage = DemoImport.stages[DemoImport.failingStage].name

    private static func toRetry(_ demo: DemoImport) -> String {
        demo.failedToRetry == 0 ? "" : "; \(failedRecords(demo.failedToRetry)) waiting for the retry pass"
    }

    private static func records(_ count: Int) -> String {
        count == 1 ? "1 record" : "\(count) records"
    }

    private static func failedRecords(_ count: Int) -> String {
        count == 1 ? "1 failed record" : "\(count) failed records"
    }
}
