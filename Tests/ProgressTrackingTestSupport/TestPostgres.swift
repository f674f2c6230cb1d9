import Foundation
import Testing

/// The throwaway server that `Scripts/test-postgres start` describes in the environment
/// (`.ci/run` starts one; by hand: `eval "$(Scripts/test-postgres start)"`).
package struct TestPostgres: Sendable {
    /// The test role's URI: trusted, no password.
    package let uri: String
    /// A URI with the password role's password in it, percent-encoded.
    package let passwordURI: String
    /// That password as the server knows it: what must never appear in any output.
    package let password: String
    package let passwordUser: String
    package let host: String
    package let port: Int
    package let database: String
    package let user: String
    /// The Unix socket's directory, usable as a libpq `host`.
    package let socketDirectory: String
    /// The subnet `NetworkNamespace` takes addresses from, which the server trusts: `a.b.0.0/16`.
    package let networkNamespaceSubnet: String
    /// The server's temporary directory, which `Scripts/test-postgres stop` deletes.
    package let directory: String
    /// For fault tests that drive the server themselves: `pgCtl -D dataDirectory -l logFile
    /// -m fast -w restart`, run as `operatingSystemUser` (and not through Foundation's
    /// `Process`: see `Command`). `restart()` does exactly that.
    package let dataDirectory: String
    package let logFile: String
    package let pgCtl: String
    package let operatingSystemUser: String

    private static let variable = "PROGRESS_TRACKER_TEST_POSTGRES"

    /// The configured server, or nil when `PROGRESS_TRACKER_TEST_POSTGRES` is not set.
    package static let configured: TestPostgres? = TestPostgres(environment: ProcessInfo.processInfo.environment)

    /// Under `CI=true` the PostgreSQL tests must run: a missing server fails them.
    package static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Why the PostgreSQL tests are skipped.
    package static let skipReason =
        "no test PostgreSQL server: \(variable) is not set (start one with eval \"$(Scripts/test-postgres start)\")"

    /// The configured server.
    /// - Throws: when none is configured, which happens only under `CI=true`, since the
    ///   tests are skipped otherwise (see `Trait.requiresTestPostgres`).
    package static func server() throws -> TestPostgres {
        guard let configured else { throw MissingServer() }
        return configured
    }

    private struct MissingServer: Error, CustomStringConvertible {
        var description: String { "CI=true requires the PostgreSQL tests to run, but there is \(TestPostgres.skipReason)" }
    }

    // MARK: - Servers of a test's own

    /// `Scripts/test-postgres`, found from this file's place in the package.
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/test-postgres").path

    /// Starts a throwaway server for one test, for faults that would disturb the tests that
    /// share the configured server: restarting it, stopping it. Takes a second or two.
    /// The caller stops it with `stop()`.
    package static func startPrivateServer() throws -> TestPostgres {
        // The script prints shell `export` lines; a shell turns them into plain NAME=value.
        // Its exports replace the configured server's variables, which this process has.
        let exports = try Command.run(
            "/bin/bash", ["-c", "set -e; exports=$(\"$0\" start); eval \"$exports\"; env", script])
        var environment: [String: String] = [:]
        for line in exports.split(separator: "\n") where line.hasPrefix(variable) {
            let parts = line.split(separator: "=", maxSplits: 1)
            environment[String(parts[0])] = parts.count == 2 ? String(parts[1]) : ""
        }
        guard let server = TestPostgres(environment: environment) else {
            throw CommandError("\(script) start printed no \(variable)")
        }
        return server
    }

    /// Restarts the server the way an administrator would (`pg_ctl restart -m fast`): every
    /// session is told `adminShutdown` and closed. Only for a server of the test's own.
    package func restart() throws {
        try Command.run(Self.script, ["restart", directory])
    }

    /// Stops the server and deletes its directory. Only for a server of the test's own.
    package func stop() throws {
        try Command.run(Self.script, ["stop", directory])
    }

    private init?(environment: [String: String]) {
        func value(_ suffix: String) -> String { environment[Self.variable + suffix] ?? "" }
        guard let uri = environment[Self.variable], !uri.isEmpty else { return nil }
        self.uri = uri
        passwordURI = value("_PASSWORD_URI")
        password = value("_PASSWORD")
        passwordUser = value("_PASSWORD_USER")
        host = value("_HOST")
        port = Int(value("_PORT")) ?? 5432
        database = value("_DATABASE")
        user = value("_USER")
        socketDirectory = value("_SOCKET_DIR")
        networkNamespaceSubnet = value("_NETNS_SUBNET")
        directory = value("_DIR")
        dataDirectory = value("_DATA")
        logFile = value("_LOG")
        pgCtl = value("_PG_CTL")
        operatingSystemUser = value("_OS_USER")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite when a test server is configured, or when `CI=true` (where a
    /// missing server must fail, not skip); skips it with the reason otherwise.
    package static var requiresTestPostgres: Self {
        .enabled(if: TestPostgres.configured != nil || TestPostgres.isRequired, Comment(rawValue: TestPostgres.skipReason))
    }
}
