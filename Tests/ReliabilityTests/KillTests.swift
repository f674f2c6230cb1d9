import Foundation
import ProgressTracking
import Testing

extension ProcessTests {
    /// An import killed with SIGKILL at any moment leaves a sound file whose counts match the
    /// work stored, and a resumed run ends with every item counted exactly once.
    @Suite struct KillTests {
        static let kills = 12

        @Test func killedItemImportResumesToExactCounts() throws {
            var random = SeededGenerator(for: "killedItemImportResumesToExactCounts")
            let directory = try TestDirectory()
            let items = 20_000
            let arguments = ["items", directory.storePath, "items", "\(items)", "0", "\(items)"]

            for kill in 1...Self.kills {
                try Self.run(arguments, killAfter: Int.random(in: 1...6, using: &random), using: &random)
                let file = DatabaseFile(path: directory.storePath)
                #expect(try file.integrity() == "ok", "kill \(kill), seed \(random.seed)")
                let current = try Self.tracker("items", in: directory).current
                #expect(current == (try file.itemKeyCount(set: "work", tracker: "items")), "kill \(kill), seed \(random.seed)")
                #expect(current < items, "kill \(kill) came after the import ended; seed \(random.seed)")
            }

            try Worker.start(arguments).finish()
            let tracker = try Self.tracker("items", in: directory)
            #expect(try tracker.current == items)
            #expect(try DatabaseFile(path: directory.storePath).itemKeyCount(set: "work", tracker: "items") == items)
            #expect(try (0..<items).allSatisfy { try tracker.hasCounted(item: "item-\($0)") })
        }

        @Test func killedBatchImportNeverKeepsHalfABatch() throws {
            var random = SeededGenerator(for: "killedBatchImportNeverKeepsHalfABatch")
            let directory = try TestDirectory()
            let batches = 2_000, size = 100
            let arguments = ["batches", directory.storePath, "\(batches)", "\(size)"]

            for kill in 1...Self.kills {
                try Self.run(arguments, killAfter: Int.random(in: 1...30, using: &random), using: &random)
                #expect(try DatabaseFile(path: directory.storePath).integrity() == "ok", "kill \(kill), seed \(random.seed)")
                let done = try Self.tracker("batches", in: directory).current
                #expect(try Self.tracker("rows", in: directory).current == done * size, "kill \(kill), seed \(random.seed)")
                #expect(done < batches, "kill \(kill) came after the import ended; seed \(random.seed)")
            }

            try Worker.start(arguments).finish()
            #expect(try Self.tracker("batches", in: directory).current == batches)
            #expect(try Self.tracker("rows", in: directory).current == batches * size)
        }

        /// An import that fails some records, keeps its place in a cursor and retries its
        /// failures at the end, killed at any moment: the cursor, the counts and the failures
        /// always agree (every record before the cursor counted or failed once, none after
        /// it counted), and a resumed run ends with every record counted and every failure
        /// resolved, each recorded once.
        @Test func killedImportKeepsItsCursorCountsAndFailuresInStep() throws {
            var random = SeededGenerator(for: "killedImportKeepsItsCursorCountsAndFailuresInStep")
            let directory = try TestDirectory()
            let (records, batch, failEvery) = (3_000, 50, 7)
            let arguments = ["resumable", directory.storePath, "\(records)", "\(batch)", "\(failEvery)"]
            func failing(below end: Int) -> Int { (end + failEvery - 1) / failEvery }
            var cursor = 0

            for kill in 1...Self.kills {
                // The first half of the kills land in the import's batches (at most 24 of its
                // 60), the second half in its retries (429 of them), after the batches left.
                let batchesLeft = (records - cursor) / batch
                let lines = kill <= Self.kills / 2 ? Int.random(in: 1...4, using: &random) : batchesLeft + Int.random(in: 1...20, using: &random)
                try Self.run(arguments, killAfter: lines, using: &random)
                let context: Comment = "kill \(kill), seed \(random.seed)"
                #expect(try DatabaseFile(path: directory.storePath).integrity() == "ok", context)
                let tracker = try Self.tracker("records", in: directory)
                cursor = try #require(try tracker.cursor.flatMap { Int($0) }, context)
                #expect(cursor.isMultiple(of: batch), context)
                let (unresolved, all) = (try tracker.failures(), try tracker.failures(.all))
                #expect(kill <= Self.kills / 2 ? cursor < records : cursor == records && !unresolved.isEmpty, "the kill missed its phase; \(context)")
                #expect(try tracker.current + unresolved.count == cursor, context)
                #expect(try !tracker.hasCounted(item: "record-\(cursor)"), context)
                #expect(all.count == failing(below: cursor), context)
                #expect(all.allSatisfy { $0.attempts == 1 }, context)
                #expect(try tracker.status().failed == unresolved.count, context)
            }

            try Worker.start(arguments).finish()
            let tracker = try Self.tracker("records", in: directory)
            #expect(try tracker.current == records)
            #expect(try tracker.failures().isEmpty)
            let resolved = try tracker.failures(.resolved)
            #expect(resolved.count == failing(below: records))
            #expect(resolved.allSatisfy { $0.attempts == 1 && $0.resolution == .counted })
        }

        /// Kills processes that are creating a new file (its schema, set and tracker) at random
        /// moments from their start: whatever was done is whole, and the file opens.
        @Test func processKilledWhileCreatingAFileLeavesOneThatOpens() throws {
            var random = SeededGenerator(for: "processKilledWhileCreatingAFileLeavesOneThatOpens")
            for kill in 1...Self.kills {
                let directory = try TestDirectory()
                let worker = try Worker.start(["open", directory.storePath, "created"])
                usleep(UInt32.random(in: 0..<20_000, using: &random))
                worker.killNow()

                let set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
                #expect(try DatabaseFile(path: directory.storePath).integrity() == "ok", "kill \(kill), seed \(random.seed)")
                #expect(try set.getAllTrackers().map(\.name).allSatisfy { $0 == "created" }, "kill \(kill), seed \(random.seed)")
                #expect(try set.openTracker("created", total: 1).current <= 1, "kill \(kill), seed \(random.seed)")
            }
        }

        /// Runs a worker and kills it at a random moment: after `lines` progress lines, and a
        /// random few hundred microseconds more, so that kills land anywhere in a commit.
        static func run(_ arguments: [String], killAfter lines: Int, using random: inout SeededGenerator) throws {
            let worker = try Worker.start(arguments)
            for _ in 0..<lines {
                guard let line = worker.readLine(), line.hasPrefix("progress ") else {
                    throw Worker.Failure(description: "no progress line: \(worker.transcript)")
                }
            }
            usleep(UInt32.random(in: 0..<500, using: &random))
            worker.killNow()
        }

        static func tracker(_ name: String, in directory: TestDirectory) throws -> ProgressTracker {
            try #require(try ProgressStore(path: directory.storePath).trackerSet(named: "work").getTracker(name))
        }
    }
}
