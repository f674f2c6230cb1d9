import CBaseline
import Foundation

/// What the numbers were measured on, printed above the table and written to the JSON.
struct Machine: Encodable {
    let cpu: String
    let cores: Int
    let sqlite: String
    let swift: String
    let loadAverage: String
    let date: String

    static func current() -> Machine {
        Machine(
            cpu: firstLine(of: "/proc/cpuinfo", startingWith: "model name").map { String($0.split(separator: ":")[1]).trimmingCharacters(in: .whitespaces) } ?? "unknown",
            cores: ProcessInfo.processInfo.activeProcessorCount,
            sqlite: String(cString: mb_sqlite_version()),
            swift: swiftVersion(),
            loadAverage: firstLine(of: "/proc/loadavg", startingWith: "").map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "unknown",
            date: ISO8601DateFormatter().string(from: Date())
        )
    }

    var summary: String {
        "\(cores) cores (\(cpu)), SQLite \(sqlite), \(swift), load average \(loadAverage), \(date)"
    }

    private static func firstLine(of path: String, startingWith prefix: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    /// The compiler that built this binary, as `swift --version` names it when it is on the PATH.
    private static func swiftVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "Swift (version unknown)" }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").first { $0.contains("Swift version") }.map {
            $0.replacingOccurrences(of: "Swift version ", with: "Swift ")
        } ?? "Swift (version unknown)"
    }
}
