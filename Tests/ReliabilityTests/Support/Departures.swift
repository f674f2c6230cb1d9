/// Where the store departs today from the documented timing rule, each a known issue that
/// `ModelTests` records when the store is seen to follow it. `ModelRun` runs a model for each
/// combination, the documented rule first, and keeps the ones the store agrees with.
///
/// When a departure is fixed, the models that follow it stop agreeing and drop out: then
/// delete it here, with its `withKnownIssue` test in `TimingRuleDepartureTests`.
struct Departures: OptionSet, Hashable, CustomStringConvertible {
    let rawValue: Int

    /// The set counts as complete once every tracker's count is at least its total (at the
    /// last completion, or the last change of a tracker that never completed), where the
    /// documented rule is once every tracker is complete: a tracker of total 0 that never
    /// started is at its total but not complete (`completedAt` nil). The view
    /// `tracker_set_timing` (Migrations/SQLite/0003_add_history.sql) still has the older rule.
    static let setCompleteByCounts = Departures(rawValue: 1 << 0)

    /// A tracker opened (resumed) inside a transaction that rolled back still counts as
    /// opened by the store, so opening it again records no `resumed` and no downtime, although
    /// the resume that did was rolled back. `ProgressStore.openedTrackers` is not rolled back.
    static let openMarksSurviveRollback = Departures(rawValue: 1 << 1)

    static let all: [Departures] = [.setCompleteByCounts, .openMarksSurviveRollback]

    /// Every combination, none first.
    static let combinations: [Departures] = (0..<(1 << all.count)).map { Departures(rawValue: $0) }

    var description: String {
        let names = [(Departures.setCompleteByCounts, "a set complete by counts"), (.openMarksSurviveRollback, "open marks surviving a rollback")]
        let present = names.filter { contains($0.0) }.map(\.1)
        return present.isEmpty ? "the documented rule" : present.joined(separator: " and ")
    }
}
