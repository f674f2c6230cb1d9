import Foundation
@testable import ProgressTracking
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

/// A storage backend the behavioural suites run on, as a test argument: one suite, run on
/// both (`@Test(arguments: Backend.all)`).
///
/// PostgreSQL is in `all` when a test server is configured (`PROGRESS_TRACKER_TEST_POSTGRES`)
/// and under `CI=true`, where a missing server then fails each PostgreSQL case; elsewhere its
/// cases are left out, and `PostgresBackendTests` is skipped with the reason.
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let all: [Backend] = TestPostgres.configured != nil || TestPostgres.isRequired ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }

    /// How much of something a test does on this backend. On PostgreSQL every call is a round
    /// trip to the server, thousands of times the cost of an SQLite call: a test that needs
    /// volume to show a rule gets less of it there, but enough to show the rule.
    func workload(sqlite: Int, postgres: Int) -> Int {
        self == .sqlite ? sqlite : postgres
    }

    /// Each backend with each of its own arguments, for a test whose arguments are many cases
    /// of one rule: fewer cases on PostgreSQL, where each case has a schema of its own.
    static func cases<Argument: Sendable>(sqlite: [Argument], postgres: [Argument]) -> [(Backend, Argument)] {
        all.flatMap { backend in (backend == .sqlite ? sqlite : postgres).map { (backend, $0) } }
    }

    /// A new, empty place for a test's stores: an SQLite file of its own, or a schema of its
    /// own on the test server.
    func newLocation() throws -> StoreLocation {
        switch self {
        case .sqlite: StoreLocation(backend: self, name: TestFiles.newPath())
        case .postgres: StoreLocation(backend: self, name: TestSchemas.make())
        }
    }

    /// A store in a new, empty place.
    func newStore(timekeeping: Timekeeping? = nil) throws -> ProgressStore {
        try newLocation().open(timekeeping: timekeeping)
    }
}

/// Where one test's stores live: a file's path, or a schema's name. Every store opened here
/// sees the others' writes, as stores of several processes or hosts do.
struct StoreLocation: Sendable {
    let backend: Backend
    let name: String

    /// Opens a store here, with the store clock unless given a clock.
    func open(readOnly: Bool = false, timekeeping: Timekeeping? = nil) throws -> ProgressStore {
        let timekeeping = timekeeping ?? .storageClock(sampleInterval: .seconds(1))
        return switch backend {
        case .sqlite:
            try ProgressStore(path: name, readOnly: readOnly, timekeeping: timekeeping)
        case .postgres:
            try ProgressStore(postgres: TestPostgres.server().uri, schema: name, readOnly: readOnly, timekeeping: timekeeping)
        }
    }
}

/// The test process's SQLite files: each test's in a directory of its own process, removed
/// when the process exits.
enum TestFiles {
    private static let directory: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ProgressTrackingTests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFiles.directory) }
        return url
    }()

    /// The path of a new file (not created).
    static func newPath() -> String {
        directory.appendingPathComponent("\(UUID().uuidString).sqlite").path
    }
}

/// Says why the PostgreSQL cases of the behavioural suites do not run, when they do not.
@Suite struct PostgresBackendTests {
    @Test(.requiresTestPostgres) func theBehaviouralSuitesRunOnPostgreSQL() {
        #expect(Backend.all.contains(.postgres))
    }
}
