internal import ProgressTracking

/// The demo's import: generated records flow through four stages, each stage counting every
/// record it finishes in its own tracker of the set `demo`, by the record's key.
///
/// The stages run as a pipeline: in each step every stage works for the same simulated time
/// on records its upstream stage had finished before the step, so the slower stages trail
/// behind. A step's counts commit in one transaction, after its work: a crash loses at most
/// the uncommitted step, whose records are simply worked on again, and counted once.
struct DemoImport {
    struct Stage {
        let name: String
        /// Simulated work per record; the stage finishes `DemoImport.stepDuration / cost` records a step.
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

    /// How the import began.
    enum Start {
        case fresh
        /// The set was there, unfinished, for this number of records.
        case resuming
        /// The set was there but finished or for another number of records, and was replaced.
        case replacing
    }

    let trackerSet: ProgressTrackerSet
    let recordCount: Int
    let start: Start
    private let trackers: [ProgressTracker]
    /// Records counted per stage. Steps count records in order and commit whole, so each
    /// stage's counted records are the first `done[stage]`.
    private(set) var done: [Int]

    /// Resumes the set `demo` of `store` if it holds an unfinished import of `recordCount`
    /// records, else starts it afresh.
    init(store: ProgressStore, recordCount: Int) throws {
        self.recordCount = recordCount
        // One transaction, so that a crash here leaves either the old set or a complete new one.
        (start, trackerSet, trackers) = try store.transaction {
            var start = Start.fresh
            if let existing = try store.getTrackerSet(named: Self.setName) {
                let status = try existing.getStatus()
                let resumable = status.overall < 100 && status.order == Self.stages.map(\.name)
                    && status.trackers.values.allSatisfy { $0.total == recordCount }
                if resumable {
                    start = .resuming
                } else {
                    try store.removeTrackerSet(named: Self.setName)
                    start = .replacing
                }
            }
            let set = try store.trackerSet(named: Self.setName)
            let trackers = try Self.stages.map { try set.openTracker($0.name, total: recordCount) }
            return (start, set, trackers)
        }
        done = try trackers.map { try min($0.current, recordCount) }
    }

    var isFinished: Bool { done.allSatisfy { $0 == recordCount } }

    /// The counts as `extract 120/200, transform 49/200, …`.
    var countsDescription: String {
        zip(Self.stages, done).map { "\($0.name) \($1)/\(recordCount)" }.joined(separator: ", ")
    }

    /// Works one step on every stage, then counts the records finished in one transaction,
    /// calling `counted` after each count. A step cut short by Ctrl-C counts nothing.
    mutating func step(counted: () -> Void) throws {
        let before = done
        let batches = Self.stages.indices.map { stage in
            let available = stage == 0 ? recordCount : before[stage - 1]
            let capacity = Int(Self.stepDuration / Self.stages[stage].cost)
            return before[stage]..<min(available, before[stage] + capacity)
        }
        // The simulated work of the step: the stages work at once, as a pipeline does.
        Interruption.sleep(for: Self.stepDuration)
        guard !Interruption.isRequested else { return }
        try trackerSet.store.transaction {
            for (tracker, records) in zip(trackers, batches) {
                for record in records where try tracker.increment(item: "record-\(record)") {
                    counted()
                }
            }
        }
        done = batches.map(\.upperBound)
    }
}
