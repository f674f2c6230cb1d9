internal import ProgressTracking

/// The demo's import: generated records, numbered from 1, flow through four stages, each stage
/// counting every record it finishes, by the record's key, in its own tracker of the set `demo`.
///
/// The stages run as a pipeline: in each step every stage works for the same simulated time on
/// records its upstream stage had passed before the step, so the slower stages trail behind.
/// The last stage fails some records on their first attempt (`failsFirstAttempt`): it records
/// them with `fail(item:reason:)` and goes on, and once it has passed every record, a retry
/// pass counts them, which resolves their failures. Failures an interrupted run left are
/// retried by the next one: they are in the store.
///
/// Each stage's place is its resume cursor (`DemoCursor`), set in the transaction of the
/// step's counts and failures, so the two always agree: a crash loses at most the step that
/// had not committed, and a resumed run starts from the cursors instead of reading what was
/// counted. Counting by key (`increment(item:)`) is only needed at the cursor's edge, the step
/// after it, where a record worked on again must not count twice.
struct DemoImport {
    struct Stage {
        let name: String
        /// Simulated work per record; the stage passes `DemoImport.stepDuration / cost` records a step.
        let cost: Duration
    }

    static let setName = "demo"
    static let stages = [
        Stage(name: "extract", cost: .microseconds(250)),
        Stage(name: "transform", cost: .microseconds(600)),
        Stage(name: "validate", cost: .microseconds(400)),
        Stage(name: "load", cost: .microseconds(750)),
    ]
    /// The simulated time of one step, during which all stages work at once.
    static let stepDuration = Duration.milliseconds(25)
    /// The stage that fails records: the last, so that no stage waits for a record it failed.
    static let failingStage = stages.count - 1
    /// Every record whose number is a multiple of this fails its first attempt in `failingStage`:
    /// about 1 %, deterministic, so that every run and every test sees the same failures.
    static let failureDivisor = 97
    static let failureReason = "simulated timeout"

    /// How the import began.
    enum Start {
        case fresh
        /// The demo's set was there, unfinished, for this number of records.
        case resuming
        /// The demo's set was there but finished or for another number of records, and was replaced.
        case replacing
    }

    let trackerSet: ProgressTrackerSet
    let recordCount: Int
    let start: Start
    private let trackers: [ProgressTracker]
    /// Each stage's place: it has passed the records 1 through `positions[stage]`.
    private(set) var positions: [Int]
    /// Records the failing stage failed that are not counted yet, as the store says.
    private(set) var failedToRetry: Int

    /// Resumes the set `demo` of `store` if it holds an unfinished import of `recordCount`
    /// records, else starts it afresh, replacing a set the demo made before. `commands` reach
    /// the store, for messages.
    /// - Throws: `CommandError.notTheDemos` when a set named `demo` is there that the demo did
    ///   not make; nothing is changed then.
    init(store: ProgressStore, recordCount: Int, commands: DemoCommands) throws {
        self.recordCount = recordCount
        // One transaction, so that a crash here leaves either the old set or a complete new one.
        (start, trackerSet, trackers, positions) = try store.transaction {
            var start = Start.fresh
            var positions = Array(repeating: 0, count: Self.stages.count)
            if let existing = try store.getTrackerSet(named: Self.setName) {
                let status = try existing.getStatus()
                guard let cursors = Self.cursors(in: status) else { throw CommandError.notTheDemos(path: store.path, removal: commands.removal) }
                let resumable = status.overall < 100 && cursors.allSatisfy { $0.recordCount == recordCount }
                    && status.trackers.values.allSatisfy { $0.total == recordCount }
                if resumable {
                    start = .resuming
                    positions = cursors.map(\.position)
                } else {
                    try store.removeTrackerSet(named: Self.setName)
                    start = .replacing
                }
            }
            let set = try store.trackerSet(named: Self.setName)
            let trackers = try Self.stages.map { try set.openTracker($0.name, total: recordCount) }
            if start != .resuming {
                for tracker in trackers { try tracker.setCursor(DemoCursor(position: 0, recordCount: recordCount).text) }
            }
            return (start, set, trackers, positions)
        }
        failedToRetry = try trackers[Self.failingStage].status().failed
    }

    /// The cursors of a set the demo made, in stage order; nil when the demo did not make it:
    /// its trackers are not the stages, or one has no cursor the demo wrote.
    private static func cursors(in status: TrackerSetStatus) -> [DemoCursor]? {
        guard status.order == stages.map(\.name) else { return nil }
        let cursors = status.order.compactMap { DemoCursor(status.trackers[$0]?.cursor) }
        return cursors.count == stages.count ? cursors : nil
    }

    /// Whether record `number` fails its first attempt in the failing stage.
    static func failsFirstAttempt(_ number: Int) -> Bool {
        number.isMultiple(of: failureDivisor)
    }

    /// How many of `recordCount` records fail their first attempt.
    static func failingRecords(of recordCount: Int) -> Int {
        recordCount / failureDivisor
    }

    var isFinished: Bool { positions.allSatisfy { $0 == recordCount } && failedToRetry == 0 }

    /// Whether the failing stage has passed every record and retries those that failed.
    var isRetrying: Bool { positions[Self.failingStage] == recordCount && failedToRetry > 0 }

    /// The stages' places as `extract 120/200, transform 49/200, …`.
    var positionsDescription: String {
        zip(Self.stages, positions).map { "\($0.name) \($1)/\(recordCount)" }.joined(separator: ", ")
    }

    /// Works one step on every stage, then counts the records finished, records the failures and
    /// moves the cursors, in one transaction, calling `counted` after each count. A step cut short
    /// by Ctrl-C changes nothing.
    mutating func step(counted: () -> Void) throws {
        let batches = Self.stages.indices.map { stage in
            let available = stage == 0 ? recordCount : positions[stage - 1]
            return positions[stage]..<max(positions[stage], min(available, positions[stage] + Self.capacity(of: stage)))
        }
        let failing = trackers[Self.failingStage]
        let retries = isRetrying ? try failing.failures(limit: Self.capacity(of: Self.failingStage)).map(\.key) : []
        // The simulated work of the step: the stages work at once, as a pipeline does.
        Interruption.sleep(for: Self.stepDuration)
        guard !Interruption.isRequested else { return }
        try trackerSet.store.transaction {
            for (stage, records) in batches.enumerated() where !records.isEmpty {
                for number in records.map({ $0 + 1 }) {
                    if stage == Self.failingStage, Self.failsFirstAttempt(number) {
                        try trackers[stage].fail(item: Self.key(of: number), reason: Self.failureReason)
                    } else if try trackers[stage].increment(item: Self.key(of: number)) {
                        counted()
                    }
                }
                try trackers[stage].setCursor(DemoCursor(position: records.upperBound, recordCount: recordCount).text)
            }
            for key in retries where try failing.increment(item: key) {
                counted()
            }
        }
        positions = batches.map(\.upperBound)
        failedToRetry = try failing.status().failed
    }

    /// How many records failed their first attempt, and how many of them were retried and
    /// counted since: over every run of this import, as the store keeps them.
    func failureCounts() throws -> (failed: Int, retried: Int) {
        let failing = trackers[Self.failingStage]
        return (try failing.failures(.all).count, try failing.failures(.resolved).count)
    }

    private static func capacity(of stage: Int) -> Int {
        Int(stepDuration / stages[stage].cost)
    }

    private static func key(of number: Int) -> String {
        "record-\(number)"
    }
}
