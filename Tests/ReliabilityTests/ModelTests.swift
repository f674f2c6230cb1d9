import Foundation
import ProgressTracking
import Testing

/// Random sequences of calls, valid and invalid, applied to a store on disk and to
/// `TrackerSetModel`, with a clock that the test moves between calls: after every step both
/// return or throw the same, read the same counts, failures, cursors, state and times, and
/// hold the same history.
///
/// The model writes the documented timing rule out on its own, so this is the test that the
/// store's two forms of that rule agree: the hot path's `WHERE` clause in SQL, which takes a
/// change only when it records nothing, and the recording path in Swift (`HistoryPolicy`).
@Suite struct ModelTests {
    @Test func randomCallsMatchThePlainModel() throws {
        let directory = try TestDirectory()
        var run = try ModelRun(path: directory.storePath, random: SeededGenerator(for: "randomCallsMatchThePlainModel"))
        for _ in 0..<3_000 { try run.step() }
        try run.check(since: nil)
        // The run is only a proof if it took every path: each kind of event, and the hot path.
        let kinds = Set(run.model.events.map(\.kind))
        #expect(kinds == Set(HistoryEvent.Kind.allCases), "seed \(run.random.seed)")
        #expect(run.model.quietChanges > 25, "seed \(run.random.seed)")
    }
}
