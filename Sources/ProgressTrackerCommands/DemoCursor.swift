/// A stage's resume cursor in the demo, `progress-tracker demo v1: after record 1234 of 20000`:
/// where the stage is in the records, and the demo's mark on the trackers it made.
///
/// The mark is how the demo knows a set named `demo` is its own: it changes a set only if
/// every tracker carries a cursor it can read (see `DemoImport`), so a set of the same name
/// that someone else made is never touched.
struct DemoCursor: Equatable {
    /// How every cursor the demo writes begins; a new layout of the cursor gets a new version.
    static let mark = "progress-tracker demo v1:"

    /// The records the stage has passed, 1 through `position`: counted, or failed and left to
    /// the retry pass. 0 before the first.
    let position: Int
    /// The number of records the run imports.
    let recordCount: Int

    init(position: Int, recordCount: Int) {
        self.position = position
        self.recordCount = recordCount
    }

    /// The cursor that `text` is, or nil when the demo did not write it.
    init?(_ text: String?) {
        guard let text, text.hasPrefix(Self.mark),
              let match = text.dropFirst(Self.mark.count).wholeMatch(of: #/ after record (\d+) of (\d+)/#),
              let position = Int(match.output.1), let recordCount = Int(match.output.2), position <= recordCount
        else { return nil }
        self.init(position: position, recordCount: recordCount)
    }

    /// The cursor as the tracker keeps it.
    var text: String {
        "\(Self.mark) after record \(position) of \(recordCount)"
    }
}
