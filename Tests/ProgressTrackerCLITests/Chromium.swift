import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`), to see a report as a person would: a screenshot,
/// and the page's DOM as the browser parsed it. Tests that need it are skipped, with the
/// reason, where it is not installed, and fail under `CI=true`, where `.ci/run` installs it.
enum Chromium {
    /// The browser on `PATH`, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(filePath: String(directory)).appending(path: name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether a test that needs the browser runs: where it is installed, and always under CI.
    static var canRun: Bool { executable != nil || isRequired }

    static let skipReason: Comment = "Chromium is not installed (apt-get install chromium); under CI=true this test fails instead"

    /// Runs the browser headless on `page` with `arguments` (a screenshot, a DOM dump), its
    /// profile in `directory`, and returns what it printed on standard output.
    static func run(_ arguments: [String], page: URL, in directory: URL) throws -> String {
        guard let executable else { throw Missing() }
        let stdout = directory.appending(path: "chromium-stdout-\(UUID().uuidString)")
        try Data().write(to: stdout)
        let process = Process()
        process.executableURL = executable
        // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(directory.appending(path: "chromium-profile").path)",
        ] + arguments + [page.absoluteString]
        process.currentDirectoryURL = directory
        let output = try FileHandle(forWritingTo: stdout)
        defer { try? output.close() }  // The watchdog keeps the process, and the handle, alive.
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs must not hang the tests: it is killed after this long.
        RunningCommand.stop(process, after: .seconds(120))
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failed(status: process.terminationStatus)
        }
        return try String(contentsOf: stdout, encoding: .utf8)
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "Chromium is not installed, and CI=true requires it: apt-get install chromium" }
    }

    struct Failed: Error, CustomStringConvertible {
        let status: Int32
        var description: String { "Chromium exited with status \(status)" }
    }
}
