import ProgressTracking
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

/// The commit-outcome rule through the public API, with the network fault it is for: a relay
/// between the store and the server loses the COMMIT, or the reply to it after the server
/// committed. A call whose commit happened returns normally and counts once; one whose
/// commit did not throws `.connectionLost` having changed nothing. Never an unknown outcome.
@Suite(.requiresTestPostgres) struct CommitOutcomeEndToEndTests {
    let proxy: CuttingProxy
    let store: ProgressStore
    let tracker: ProgressTracker

    init() throws {
        let server = try TestPostgres.server()
        proxy = try CuttingProxy(to: server.port)
        let uri = "postgresql://\(server.user)@127.0.0.1:\(proxy.port)/\(server.database)"
        store = try ProgressStore(postgres: uri, schema: TestSchemas.make("outcome"))
        tracker = try store.trackerSet(named: "import").createTracker("rows", total: 10)
    }

    @Test(arguments: [CuttingProxy.Cut.reply, .request])
    func aTransactionWhoseCommitIsCutEndsWithItsTrueOutcome(cut: CuttingProxy.Cut) throws {
        let committing = {
            try store.transaction {
                #expect(try tracker.increment(item: "row-1"))
                try tracker.setCursor("after row-1")
                // The next request on the writer's connection is this transaction's COMMIT.
                proxy.cut(cut)
            }
        }
        if cut == .reply {
            try committing()
        } else {
            expectNothingWritten(#expect(throws: ProgressTrackingError.self, performing: committing))
        }
        #expect(proxy.cuts == 1)
        let committed = cut == .reply
        #expect(try tracker.current == (committed ? 1 : 0))
        #expect(try tracker.hasCounted(item: "row-1") == committed)
        #expect(try tracker.cursor == (committed ? "after row-1" : nil))
        // The next call connects again; the same work done again counts only what is new.
        #expect(try tracker.increment(item: "row-1") == !committed)
        #expect(try tracker.current == 1)
    }

    @Test(arguments: [CuttingProxy.Cut.reply, .request])
    func anAutocommittedCountWhoseCommitIsCutEndsWithItsTrueOutcome(cut: CuttingProxy.Cut) throws {
        try tracker.increment()
        // An autocommitted count is one request: the cut falls on its commit.
        proxy.cut(cut)
        if cut == .reply {
            try tracker.increment()
        } else {
            expectNothingWritten(#expect(throws: ProgressTrackingError.self) { try tracker.increment() })
        }
        #expect(proxy.cuts == 1)
        #expect(try tracker.current == (cut == .reply ? 2 : 1))
        try tracker.increment()
        #expect(try tracker.current == (cut == .reply ? 3 : 2))
    }

    private func expectNothingWritten(_ error: ProgressTrackingError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case let .connectionLost(path, reason) = error else {
            Issue.record("expected connectionLost, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(path == store.path, sourceLocation: sourceLocation)
        #expect(reason.contains("the transaction was not committed"), "\(reason)", sourceLocation: sourceLocation)
    }
}
