import Foundation
import Synchronization
import ProgressTracking
import ProgressTrackingLibPQ
import ProgressTrackingPostgres
import ProgressTrackingPostgresStorage
import ProgressTrackingTestSupport
import Testing

/// A call whose connection breaks throws `.connectionLost` within a bounded time, having
/// changed nothing, and the next call connects again.
@Suite(.requiresTestPostgres) struct ConnectionLossTests {
    /// A store whose sessions carry a name of their own, so that the test can find and end them.
    struct NamedStore {
        let application = "loss-\(UUID().uuidString.prefix(8))"
        let schema: StoreSchema
        let store: ProgressStore
        let tracker: ProgressTracker

        init(timeouts: PostgresTimeouts? = nil) throws {
            schema = try StoreSchema(TestSchemas.make())
            let connector = PostgresConnector(
                connectionString: try TestPostgres.server().uri + "?application_name=\(application)", schema: schema.name,
                busyTimeout: .seconds(5), timeouts: timeouts)
            store = try ProgressStore(connector: connector, readOnly: false, busyTimeout: .seconds(5), timekeeping: .storageClock(sampleInterval: .seconds(1)))
            tracker = try store.trackerSet(named: "import").createTracker("rows", total: 100)
            try tracker.increment()
            // The reader's session opens with the first read.
            #expect(try tracker.current == 1)
        }

        /// The store's sessions: its writer's, then its reader's.
        func sessions() throws -> [Int64] {
            try schema.sessions(named: application)
        }

        func expectConnectionLost(
            _ reasonPart: String? = nil, within bound: Duration = .seconds(5), sourceLocation: SourceLocation = #_sourceLocation,
            _ body: () throws -> Void
        ) {
            let start = ContinuousClock.now
            let error = #expect(throws: ProgressTrackingError.self, sourceLocation: sourceLocation, performing: body)
            #expect(ContinuousClock.now - start < bound, sourceLocation: sourceLocation)
            expectConnectionLost(error, reasonPart, sourceLocation: sourceLocation)
        }

        func expectConnectionLost(_ error: (any Error)?, _ reasonPart: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
            guard case let .connectionLost(path, reason) = error as? ProgressTrackingError else {
                Issue.record("expected connectionLost, got \(String(describing: error))", sourceLocation: sourceLocation)
                return
            }
            #expect(path == store.path, sourceLocation: sourceLocation)
            if let reasonPart { #expect(reason.contains(reasonPart), "\(reason)", sourceLocation: sourceLocation) }
        }
    }

    @Test func endedSessionsFailTheirNextCallsAndTheCallsAfterConnectAgain() throws {
        let named = try NamedStore()
        let sessions = try named.sessions()
        #expect(sessions.count == 2)
        for session in sessions { try named.schema.terminate(session) }

        named.expectConnectionLost("the transaction was not committed") { try named.tracker.increment() }
        named.expectConnectionLost { _ = try named.tracker.current }
        try named.tracker.increment()
        #expect(try named.tracker.current == 2)
        #expect(try named.sessions().count == 2)
    }

    @Test func aSessionEndedWhileItWaitsChangesNothing() throws {
        let named = try NamedStore()
        let tracker = named.tracker
        // An autocommitted count, and a change in a transaction of its own: each waits for a
        // lock another session holds (an event the server shows), and then its session ends.
        let calls: [@Sendable () throws -> Void] = [{ try tracker.increment() }, { try tracker.setTotal(50) }]
        for call in calls {
            let admin = try named.schema.connect()
            try admin.query("BEGIN")
            try admin.query("SELECT 1 FROM \(named.schema.quoted).tracker FOR UPDATE")
            let running = BlockingCall(call)
            try named.schema.terminate(try named.schema.sessionWaitingForALock(named: named.application))
            named.expectConnectionLost(running.error())
            try admin.query("ROLLBACK")
        }
        #expect(try tracker.current == 1)
        #expect(try tracker.total == 100)
        try tracker.setTotal(50)
        #expect(try tracker.total == 50)
    }

    @Test func aStalledSessionEndsTheCallWithinTheBoundAndSaysTheOutcomeIsUnknown() throws {
        let named = try NamedStore(timeouts: PostgresTimeouts(connect: .seconds(1), deadPeer: .seconds(5), reply: .milliseconds(300)))
        let writer = try #require(try named.sessions().first)
        // A stopped server process keeps its socket open: only the reply bound ends the wait,
        // and the process cannot end, so its commit can neither be ruled out nor found.
        try #require(kill(pid_t(writer), SIGSTOP) == 0, "the test must be able to signal the server's processes")
        defer { kill(pid_t(writer), SIGCONT) }
        let start = ContinuousClock.now
        let error = #expect(throws: ProgressTrackingError.self) { try named.tracker.increment() }
        // The reply bound, then the resolution bound (the connect timeout).
        #expect(ContinuousClock.now - start < .seconds(5))
        guard case let .commitOutcomeUnknown(path, reason) = error else {
            Issue.record("expected commitOutcomeUnknown, got \(String(describing: error))")
            return
        }
        #expect(path == named.store.path)
        #expect(reason.contains("the broken session did not end"), "\(reason)")
        #expect(error?.description.contains("could not learn whether the commit happened") == true)
        kill(pid_t(writer), SIGCONT)
        try named.tracker.increment()
        #expect(try named.tracker.current >= 2)
    }

    @Test func aLockHeldPastTheBusyTimeoutGivesBusy() throws {
        let uri = try TestPostgres.server().uri
        let schema = try StoreSchema(TestSchemas.make())
        let store = try ProgressStore(postgres: uri, schema: schema.name, busyTimeout: .milliseconds(100))
        let tracker = try store.trackerSet(named: "import").createTracker("rows", total: 100)
        let admin = try schema.connect()
        try admin.query("BEGIN")
        try admin.query("SELECT 1 FROM \(schema.quoted).tracker FOR UPDATE")
        #expect(throws: ProgressTrackingError.busy(path: store.path, timeout: .milliseconds(100))) { try tracker.increment() }
        #expect(throws: ProgressTrackingError.busy(path: store.path, timeout: .milliseconds(100))) {
            try store.transaction { try tracker.setTotal(5) }
        }
        #expect(try tracker.current == 0)
        try admin.query("ROLLBACK")
        try tracker.increment()
        #expect(try tracker.current == 1)
    }
}

/// A blocking call on a thread of its own, not on Swift concurrency's few shared threads,
/// where a call that waits for the server could wait for a thread first.
private final class BlockingCall: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let failure = Mutex<(any Error)?>(nil)

    init(_ call: @escaping @Sendable () throws -> Void) {
        Thread.detachNewThread { [self] in
            do { try call() } catch { failure.withLock { $0 = error } }
            finished.signal()
        }
    }

    /// Waits for the call to end; its error, or nil.
    func error() -> (any Error)? {
        finished.wait()
        return failure.withLock { $0 }
    }
}
