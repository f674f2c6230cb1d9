internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Cursor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cursor",
            abstract: "Show a tracker's resume cursor, or set or clear it.",
            discussion: """
                The cursor is where a worker is in its input (a file offset, a page token, the \
                last key), kept with the tracker's counts. Without a value it is printed, escaped \
                and cut as every value is; --json prints it exact, as a JSON string, or null when \
                none is set. A value sets it, --clear removes it; either way the line says what it \
                was. A value that starts with "-" goes after "--".

                A worker using the library sets its cursor in the transaction of its counts, so \
                that the two always agree. From a script it is a write of its own: set it after \
                counting the records before it. A kill between the two then leaves the cursor \
                behind the counts, and `increment --item` counts the records after it once, \
                however often they are done again.

                Examples:
                  progress-tracker cursor import rows
                  progress-tracker cursor import rows page-43
                  progress-tracker cursor import rows --clear
                """
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Argument(help: "The new cursor: any text without NUL, up to 65536 UTF-8 bytes.")
        var value: String?

        @Flag(help: "Remove the cursor.")
        var clear = false

        @Flag(help: "Print the cursor as JSON, exact: a string, or null.")
        var json = false

        func validate() throws {
            if value != nil, clear {
                throw ValidationError("give a new cursor or --clear, not both")
            }
            if json, value != nil || clear {
                throw ValidationError("--json prints the cursor; it cannot set or clear it")
            }
        }

        func run() throws {
            let access = StoreAccess(storeFile)
            guard value != nil || clear else {
                let cursor = try access.existingTracker(target, in: access.openForReading()).cursor
                print(json ? try JSONText.of(cursor) : "\(place): \(Self.describe(cursor))")
                return
            }
            // Read and written in one transaction, so that "was" is what this command replaced.
            let previous = try access.writing { store in
                let tracker = try access.existingTracker(target, in: store)
                let previous = try tracker.cursor
                if previous != value { try tracker.setCursor(value) }
                return previous
            }
            let change = previous == value ? "unchanged" : "was " + (previous.map(MessageText.quoted) ?? "none")
            print("\(place): \(Self.describe(value)) (\(change))")
        }

        /// `import/rows`, as the other commands that write to a tracker name it.
        private var place: String {
            "\(MessageText.value(target.set))/\(MessageText.value(target.tracker))"
        }

        /// `cursor "page-43"`, or `no cursor`.
        private static func describe(_ cursor: String?) -> String {
            cursor.map { "cursor \(MessageText.quoted($0))" } ?? "no cursor"
        }
    }
}
