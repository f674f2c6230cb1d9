import ProgressTracking
import Testing

/// A full disk, a lock held too long and a read-only store each give one clear, typed error,
/// and leave everything stored before them as it was.
@Suite struct FaultTests {
    @Test func fullDiskRefusesWritesKeepsEveryCountAndRecovers() throws {
        let directory = try TestDirectory()
        let path = directory.storePath
        let store = try ProgressStore(path: path)
        let set = try store.trackerSet(named: "work")
        let rows = try set.createTracker("rows", total: 100_000)
        try rows.increment(by: 5)

        // New item keys soon need a page that the file may not have.
        try store.fillDisk()
        var counted = 0
        var failure: (any Error)?
        while failure == nil, counted < 100_000 {
            do {
                try rows.increment(item: "key-\(counted)")
                counted += 1
            } catch {
                failure = error
            }
        }
        #expect(failure as? ProgressTrackingError == .storageFull(path: path))
        #expect(failure.map { "\($0)" }?.contains("disk or database is full") == true)
        #expect(try rows.current == 5 + counted)
        #expect(try !rows.hasCounted(item: "key-\(counted)"))

        // A whole batch fails with it, and none of it stays.
        #expect(throws: ProgressTrackingError.storageFull(path: path)) {
            try store.transaction {
                try rows.increment(by: 1_000)
                for key in 0..<1_000 { try rows.increment(item: "batch-\(key)") }
            }
        }
        #expect(try rows.current == 5 + counted)

        // Room returns: writing works again, from where it stopped.
        try store.freeDisk()
        #expect(try rows.increment(item: "key-\(counted)"))
        #expect(try rows.current == 5 + counted + 1)
        #expect(try DatabaseFile(path: path).itemKeyCount(set: "work", tracker: "rows") == counted + 1)
        #expect(try DatabaseFile(path: path).integrity() == "ok")
    }

    /// After SQLITE_FULL, SQLite may roll back the whole transaction by itself: the calls that
    /// follow in it must not then commit one by one.
    @Test func fullDiskInATransactionRollsItBackWholeEvenIfTheBodyGoesOn() throws {
        let directory = try TestDirectory()
        let path = directory.storePath
        let store = try ProgressStore(path: path)
        let rows = try store.trackerSet(named: "work").createTracker("rows", total: 100_000)
        try rows.increment(by: 5)
        try store.fillDisk()

        var afterFailure: Result<Void, any Error>?
        #expect(throws: ProgressTrackingError.storageFull(path: path)) {
            try store.transaction {
                try rows.increment(by: 1)
                // A body that swallows failures, as a careless import might, and goes on.
                var key = 0
                while key < 100_000, (try? rows.increment(item: "key-\(key)")) != nil { key += 1 }
                afterFailure = Result { try rows.increment(by: 10) }
            }
        }
        #expect(throws: ProgressTrackingError.storageFull(path: path)) { try afterFailure?.get() }
        #expect(try rows.current == 5)
        #expect(try DatabaseFile(path: path).itemKeyCount(set: "work", tracker: "rows") == 0)

        // The failure dooms that transaction only.
        try store.freeDisk()
        try store.transaction { try rows.increment(by: 1) }
        #expect(try rows.current == 6)
    }

    /// The settings whose guarantees the Guarantees article states: WAL, and `synchronous`
    /// NORMAL (a killed process loses nothing; power loss may lose the last commits, but never
    /// leaves a half commit) or FULL (a call returns once its commit is on disk).
    @Test(arguments: [(Durability.normal, "1"), (.full, "2")])
    func durabilitySetsTheJournalAndTheSyncMode(durability: Durability, synchronous: String) throws {
        let directory = try TestDirectory()
        let store = try ProgressStore(path: directory.storePath, durability: durability)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == synchronous)
    }

    @Test func readOnlyStoreRefusesEveryWriteAndLeavesTheFileAsItWas() throws {
        let directory = try TestDirectory()
        let path = directory.storePath
        do {
            let set = try ProgressStore(path: path).trackerSet(named: "work")
            try set.createTracker("rows", total: 10).increment(by: 4)
            #expect(try set.createTracker("items", total: 10).increment(item: "first"))
        }
        let bytes = try directory.storeBytes()

        let store = try ProgressStore(path: path, readOnly: true)
        let set = try #require(try store.getTrackerSet(named: "work"))
        let rows = try #require(try set.getTracker("rows"))
        let items = try #require(try set.getTracker("items"))
        let before = try set.progress()
        let writes: [(String, () throws -> Void)] = [
            ("increment", { try rows.increment() }),
            ("increment(item:)", { try items.increment(item: "second") }),
            ("setCurrent", { try rows.setCurrent(9) }),
            ("setTotal", { try rows.setTotal(20) }),
            ("createTracker", { try set.createTracker("new", total: 1) }),
            ("openTracker", { try set.openTracker("rows", total: 30) }),
            ("removeTracker", { try set.removeTracker("rows") }),
            ("trackerSet(named:)", { _ = try store.trackerSet(named: "new") }),
            ("removeTrackerSet", { try store.removeTrackerSet(named: "work") }),
            ("transaction", { try store.transaction { try rows.increment() } }),
        ]
        for (name, write) in writes {
            #expect(throws: ProgressTrackingError.readOnly(path: path), "\(name)", performing: write)
        }
        #expect(ProgressTrackingError.readOnly(path: path).description == "the store is read-only: \(path)")
        #expect(try set.progress() == before)
        #expect(try directory.storeBytes() == bytes)
    }
}

extension ProcessTests {
    /// A lock held by another process.
    @Suite struct LockTests {
        @Test func lockHeldPastTheBusyTimeoutGivesBusyWhileReadsGoOn() throws {
            let directory = try TestDirectory()
            let path = directory.storePath
            let holder = try Worker.start(["hold", path])
            try holder.expect("locked")

            let timeout = Duration.milliseconds(300)
            let store = try ProgressStore(path: path, busyTimeout: timeout)
            let held = try #require(try store.trackerSet(named: "work").getTracker("held"))
            let clock = ContinuousClock()
            let start = clock.now
            #expect(throws: ProgressTrackingError.busy(path: path, timeout: timeout)) { try held.increment() }
            #expect(clock.now - start >= timeout)
            #expect("\(ProgressTrackingError.busy(path: path, timeout: timeout))".contains("locked by another connection"))
            // Reading needs no lock: it sees the last commit, not the holder's open transaction.
            #expect(try held.current == 0)

            holder.closeInput()
            #expect(try holder.finish() == "released")
            try held.increment()
            #expect(try held.current == 2)
        }
    }
}
