import Foundation
@testable import ProgressTrackingSQLite
import Testing

/// Waiting for a lock another connection holds: the busy handler (`BusyWait`) and the retry
/// of statements SQLite runs without it. Each test holds the lock on one connection and
/// tries from another; none sleeps to wait for anything.
@Suite final class LockWaitTests {
    let directory: URL
    let path: String
    let holder: Connection

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lock-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.sqlite").path
        holder = try Connection(path: path, mode: .readWrite)
        try holder.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (value INTEGER)")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func aBusyTimeoutWaitsForTheLockAndThenWrites() async throws {
        try holder.beginImmediate()
        let waiter = try Connection(path: path, mode: .readWrite)
        waiter.setBusyTimeout(milliseconds: 30_000)
        let writing = Task.detached {
            try waiter.execute("INSERT INTO t VALUES (1)")
        }
        // Whether the waiter tries before or after this commit, it must end up writing.
        try holder.commit()
        try await writing.value
        #expect(try holder.prepare("SELECT count(*) AS rows FROM t").first { $0.int("rows") } == 1)
    }

    @Test func aLockHeldPastTheBusyTimeoutFailsWithBusyAfterTheTimeout() throws {
        try holder.beginImmediate()
        defer { holder.rollback() }
        let waiter = try Connection(path: path, mode: .readWrite)
        waiter.setBusyTimeout(milliseconds: 50)
        let started = ContinuousClock.now
        let error = try #require(throws: SQLiteError.self) { try waiter.execute("INSERT INTO t VALUES (1)") }
        #expect(error.code.primary == .busy)
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test func retryingWhileBusyGivesUpAtTheDeadline() throws {
        // An exclusive lock makes even a reader's statement fail with SQLITE_BUSY, at once,
        // because this connection has no busy handler.
        try holder.execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE")
        defer { try? holder.execute("COMMIT; PRAGMA locking_mode = NORMAL; SELECT 1") }
        let waiter = try Connection(path: path, mode: .readWrite)
        let started = ContinuousClock.now
        let error = try #require(throws: SQLiteError.self) {
            try waiter.execute("BEGIN IMMEDIATE; COMMIT", retryingWhileBusyFor: .milliseconds(50))
        }
        #expect(error.code.primary == .busy)
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test func retryingWhileBusySucceedsOnceTheLockIsFree() async throws {
        try holder.beginImmediate()
        let waiter = try Connection(path: path, mode: .readWrite)
        let writing = Task.detached {
            try waiter.execute("INSERT INTO t VALUES (2)", retryingWhileBusyFor: .seconds(30))
        }
        try holder.commit()
        try await writing.value
        #expect(try holder.prepare("SELECT value FROM t").all { $0.int("value") } == [2])
    }
}
